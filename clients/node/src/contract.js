// LocalVision's gRPC contract, read from the package's proto/ folder (copied from the repository's proto/ by
// scripts/build.js) with protobufjs: every service of package localvision.v1 and its methods, as the client and the
// TypeScript declarations both see them.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** The package's proto/ folder (override with LOCALVISION_PROTO_DIR, a folder laid out the same way). */
export const protoFolder = process.env.LOCALVISION_PROTO_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../proto");

const PACKAGE = "localvision.v1";

/** `GraphService` → `graph`, `GetNode` → `getNode`. */
const lowerFirst = (name) => name[0].toLowerCase() + name.slice(1);

/**
 * @typedef {{ name: string, property: string, path: string, requestType: protobuf.Type, responseType: protobuf.Type,
 *   requestStream: boolean, responseStream: boolean, comment: string | null }} ContractMethod
 * @typedef {{ name: string, property: string, fullName: string, comment: string | null, methods: ContractMethod[] }} ContractService
 * @typedef {{ root: protobuf.Root, services: ContractService[], statusType: protobuf.Type }} Contract
 */

/** Loads the contract from `folder`. @returns {Contract} */
export function loadContract(folder = protoFolder) {
  const ours = path.join(folder, "localvision/v1");
  let files;
  try {
    files = readdirSync(ours).filter((f) => f.endsWith(".proto")).sort().map((f) => `localvision/v1/${f}`);
  } catch {
    throw new Error(`the LocalVision protos are not at ${ours}: in a checkout run \`npm run build\` (npm ci runs it) in clients/node`);
  }
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (path.isAbsolute(target) ? target : path.join(folder, target));
  root.loadSync([...files, "google/rpc/status.proto", "google/rpc/error_details.proto"], { alternateCommentMode: true });
  root.resolveAll();

  const namespace = root.lookup(PACKAGE);
  const services = namespace.nestedArray
    .filter((n) => n instanceof protobuf.Service)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((service) => ({
      name: service.name,
      property: lowerFirst(service.name.replace(/Service$/, "")),
      fullName: `${PACKAGE}.${service.name}`,
      comment: service.comment,
      methods: service.methodsArray.map((method) => ({
        name: method.name,
        property: lowerFirst(method.name),
        path: `/${PACKAGE}.${service.name}/${method.name}`,
        requestType: method.resolvedRequestType,
        responseType: method.resolvedResponseType,
        requestStream: Boolean(method.requestStream),
        responseStream: Boolean(method.responseStream),
        comment: method.comment,
      })),
    }));
  return { root, services, statusType: root.lookupType("google.rpc.Status") };
}

let loaded;

/** The contract of the package's own proto/ folder, loaded once. */
export function contract() {
  loaded ??= loadContract();
  return loaded;
}
