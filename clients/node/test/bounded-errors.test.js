// A request with 10,000 invalid items, against the real server: the INVALID_ARGUMENT that comes back must be
// readable by grpc-js (its details within bounds, not a trailer so large that the client waits out its
// deadline), and the same connection must serve the next call.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import protobuf from "protobufjs";
import googleProtos from "google-proto-files";
import { Status } from "../src/client.js";
import { notBuilt, startServer } from "./running-server.js";

/** google.rpc.Status and its BadRequest detail, decoded from the grpc-status-details-bin trailer. */
async function statusDetails(error) {
  const [bytes] = error.metadata.get("grpc-status-details-bin");
  assert.ok(bytes, "the error carries grpc-status-details-bin");
  const root = new protobuf.Root();
  root.resolvePath = (_, target) => path.join(googleProtos.getProtoPath(".."), target);
  await root.load(["google/rpc/status.proto", "google/rpc/error_details.proto"]);
  const status = root.lookupType("google.rpc.Status").decode(bytes);
  const badRequest = root.lookupType("google.rpc.BadRequest");
  const details = status.details.filter((d) => d.type_url.endsWith("google.rpc.BadRequest")).map((d) => badRequest.decode(d.value));
  return { size: bytes.length, status, badRequest: details[0] };
}

describe("bounded error details, against the real server", { skip: notBuilt }, () => {
  let client;
  let stop;

  before(async () => {
    ({ client, stop } = await startServer({ deadlineSeconds: 20 }));
  });

  after(() => stop?.());

  test("10,000 invalid labels are one readable INVALID_ARGUMENT, and the connection serves on", async () => {
    const labels = Array.from({ length: 10_000 }, (_, i) => `NotALabel${i}-${"x".repeat(60)}`);

    const error = await client.call(client.graph, "getNeighborhood", { name: "localities/plymouth", labels }).then(
      () => assert.fail("expected INVALID_ARGUMENT"),
      (e) => e,
    );

    assert.equal(error.code, Status.INVALID_ARGUMENT, `got ${error.code}: ${error.details}`);
    const { size, status, badRequest } = await statusDetails(error);
    assert.ok(size <= 16 * 1024, `details of ${size} bytes`);
    assert.match(status.message, /10,000 problems/);
    assert.ok(badRequest.fieldViolations.length <= 60, `${badRequest.fieldViolations.length} violations listed`);
    assert.equal(badRequest.fieldViolations[0].field, "labels[0]");
    assert.ok(badRequest.fieldViolations.some((v) => v.field === "labels[*]" && /more like this/.test(v.description)));

    const node = await client.call(client.graph, "getNode", { name: "localities/plymouth" });
    assert.equal(node.name, "localities/plymouth");
  });
});
