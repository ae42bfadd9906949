// LocalVision's gRPC contract loaded at run time from the repository's proto/ folder.
import path from "node:path";
import { fileURLToPath } from "node:url";
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";
import googleProtos from "google-proto-files";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository's proto/ folder (override with LOCALVISION_PROTO). */
export const protoRoot = process.env.LOCALVISION_PROTO ?? path.resolve(here, "../../../proto");

const definition = protoLoader.loadSync(["localvision/v1/graph.proto", "localvision/v1/network.proto"], {
  // google/api/annotations.proto (the HTTP rules) comes from google-proto-files.
  includeDirs: [protoRoot, googleProtos.getProtoPath("..")],
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).localvision.v1;

/** gRPC status codes this client reacts to. */
export const Status = grpc.status;

/**
 * Clients for GraphService and NetworkService on one channel. `address` is host:port (the service's gRPC
 * port, h2c). Every call made through `call` has a deadline.
 */
export function connect(address, { deadlineSeconds = 10 } = {}) {
  const credentials = grpc.credentials.createInsecure();
  const graph = new v1.GraphService(address, credentials);
  const network = new v1.NetworkService(address, credentials, { channelOverride: graph.getChannel() });
  const deadline = () => new Date(Date.now() + deadlineSeconds * 1000);
  /** Promise-returning unary call: `call(graph, "getNode", { name })`. */
  const call = (client, method, request) =>
    new Promise((resolve, reject) => {
      client[method](request, { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response)));
    });
  return {
    graph,
    network,
    call,
    close() {
      graph.close();
    },
  };
}

/** A node's human-readable name: displayName, else its `name` property, else its resource name. */
export function displayName(node) {
  return node.displayName || node.properties?.fields?.name?.stringValue || node.name;
}
