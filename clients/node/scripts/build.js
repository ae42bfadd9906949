#!/usr/bin/env node
// Makes the package self-contained: copies LocalVision's contract (../../proto) and the Google protos it imports into
// ./proto, then writes the TypeScript declarations (./types/index.d.ts) from the same service descriptors the client
// loads at run time. Runs as `prepare` (npm ci, npm install, npm pack and npm publish) and before `npm test`, so a
// changed .proto reaches both the client and its types without hand work. Both outputs are build products: not
// committed, but in the published package (package.json "files").
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { declarations } from "./declarations.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, "..");
const contract = path.resolve(packageRoot, process.env.LOCALVISION_PROTO ?? "../../proto");
const target = path.join(packageRoot, "proto");

/** The Google protos LocalVision's contract and its error details import, from google-proto-files. */
const GOOGLE_PROTOS = [
  "google/api/annotations.proto",
  "google/api/http.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
  "google/protobuf/any.proto",
  "google/protobuf/descriptor.proto",
  "google/protobuf/duration.proto",
  "google/protobuf/struct.proto",
  "google/protobuf/timestamp.proto",
];

function copyProtos() {
  const source = path.join(contract, "localvision");
  if (!existsSync(source)) {
    // A published package already holds its protos; only a checkout can (and must) refresh them.
    if (existsSync(path.join(target, "localvision"))) return false;
    throw new Error(`no LocalVision protos at ${source}: run this in the repository's clients/node, or set LOCALVISION_PROTO`);
  }
  // Built beside the old copy and swapped in only when it differs, so a test run that is reading proto/ while
  // another (npm pack in test/package.test.js) rebuilds it never finds it missing.
  const fresh = `${target}.${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  cpSync(source, path.join(fresh, "localvision"), { recursive: true });
  let googleRoot;
  try {
    googleRoot = path.join(path.dirname(fileURLToPath(import.meta.resolve("google-proto-files/package.json"))));
  } catch {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error("google-proto-files is not installed: run `npm ci` (it is a development dependency of the build)");
  }
  for (const file of GOOGLE_PROTOS) {
    mkdirSync(path.dirname(path.join(fresh, file)), { recursive: true });
    cpSync(path.join(googleRoot, file), path.join(fresh, file));
  }
  if (sameTree(fresh, target)) {
    rmSync(fresh, { recursive: true, force: true });
    return false;
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(fresh, target);
  return true;
}

/** Whether two folders hold the same files with the same bytes. */
function sameTree(a, b) {
  const files = (folder) => (existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath ?? e.path, e.name))).sort() : null);
  const [left, right] = [files(a), files(b)];
  return right !== null && left.length === right.length && left.every((f, i) => f === right[i] && readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
}

const copied = copyProtos();
const { loadContract } = await import("../src/contract.js");
const typesFolder = path.join(packageRoot, "types");
mkdirSync(typesFolder, { recursive: true });
const typesFile = path.join(typesFolder, "index.d.ts");
const types = declarations(loadContract(target));
if (!existsSync(typesFile) || readFileSync(typesFile, "utf8") !== types) writeFileSync(typesFile, types);
// What it did goes to stderr: `npm pack --json` prints its answer on stdout, after this script has run.
const protoCount = readdirSync(path.join(target, "localvision/v1")).length;
console.error(`localvision: ${copied ? "copied" : "kept"} ${protoCount} LocalVision protos in proto/ (from ${contract}), types/index.d.ts up to date`);
