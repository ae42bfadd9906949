#!/usr/bin/env node
// Makes the package self-contained: copies LocalVision's contract (../../proto) and the Google protos it imports into
// ./proto, then writes the TypeScript declarations (./types/index.d.ts) from the same service descriptors the client
// loads at run time. Runs as `prepare` (npm ci, npm install, npm pack and npm publish) and before `npm test`, so a
// changed .proto reaches both the client and its types without hand work. Both outputs are build products: not
// committed, but in the published package (package.json "files").
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
  rmSync(target, { recursive: true, force: true });
  cpSync(source, path.join(target, "localvision"), { recursive: true });
  let googleRoot;
  try {
    googleRoot = path.join(path.dirname(fileURLToPath(import.meta.resolve("google-proto-files/package.json"))));
  } catch {
    throw new Error("google-proto-files is not installed: run `npm ci` (it is a development dependency of the build)");
  }
  for (const file of GOOGLE_PROTOS) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(googleRoot, file), path.join(target, file));
  }
  return true;
}

const copied = copyProtos();
const { loadContract } = await import("../src/contract.js");
const typesFolder = path.join(packageRoot, "types");
mkdirSync(typesFolder, { recursive: true });
writeFileSync(path.join(typesFolder, "index.d.ts"), declarations(loadContract(target)));
const protoCount = readdirSync(path.join(target, "localvision/v1")).length;
console.log(`localvision: ${copied ? "copied" : "kept"} ${protoCount} LocalVision protos into proto/, wrote types/index.d.ts`);
