// A request with 10,000 invalid items, against the real server: the INVALID_ARGUMENT that comes back must be
// readable by grpc-js (its details within bounds, not a trailer so large that the client waits out its
// deadline), decoded by LocalVisionError, and the same connection must serve the next call.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LocalVisionError } from "../src/index.js";
import { notBuilt, startServer } from "./running-server.js";

describe("bounded error details, against the real server", { skip: notBuilt }, () => {
  let client;
  let stop;

  before(async () => {
    ({ client, stop } = await startServer({ timeoutMs: 20_000 }));
  });

  after(() => stop?.());

  test("10,000 invalid labels are one readable INVALID_ARGUMENT, and the connection serves on", async () => {
    const labels = Array.from({ length: 10_000 }, (_, i) => `NotALabel${i}-${"x".repeat(60)}`);

    const error = await client.graph.getNeighborhood({ name: "localities/plymouth", labels }).then(
      () => assert.fail("expected INVALID_ARGUMENT"),
      (e) => e,
    );

    assert.ok(error instanceof LocalVisionError, String(error));
    assert.equal(error.code, "INVALID_ARGUMENT", `got ${error.code}: ${error.message}`);
    const [bytes] = error.cause.metadata.get("grpc-status-details-bin");
    assert.ok(bytes.length <= 16 * 1024, `details of ${bytes.length} bytes`);
    assert.match(error.message, /10,000 problems/);
    assert.ok(error.fieldViolations.length <= 60, `${error.fieldViolations.length} violations listed`);
    assert.equal(error.fieldViolations[0].field, "labels[0]");
    assert.ok(error.fieldViolations.some((v) => v.field === "labels[*]" && /more like this/.test(v.description)));

    const node = await client.graph.getNode("localities/plymouth");
    assert.equal(node.name, "localities/plymouth");
  });
});
