// A request with 10,000 invalid items, against the real server: the INVALID_ARGUMENT that comes back must be
// readable by grpc-js (its details within bounds, not a trailer so large that the client waits out its
// deadline), and the same connection must serve the next call.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import googleProtos from "google-proto-files";
import { Status, connect } from "../src/client.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const serverDll = process.env.LOCALVISION_SERVER_DLL ?? path.join(repo, "src/LocalVision.Server/bin/Debug/net10.0/LocalVision.Server.dll");
const notBuilt = existsSync(serverDll)
  ? false
  : `no server at ${serverDll}: build it with \`dotnet build src/LocalVision.Server\` (or set LOCALVISION_SERVER_DLL)`;
if (notBuilt && process.env.CI) throw new Error(notBuilt);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

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
  let server;
  let client;
  let folder;
  let output = "";

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), "localvision-node-"));
    const port = await freePort();
    server = spawn("dotnet", [serverDll, "--store", path.join(folder, "graph.db"), "--grpc-port", String(port), "--web-port", "0", "--LocalVision:Store:Durable=false"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout.on("data", (chunk) => (output += chunk));
    server.stderr.on("data", (chunk) => (output += chunk));
    client = connect(`127.0.0.1:${port}`, { deadlineSeconds: 20 });
    const giveUp = Date.now() + 60_000;
    for (;;) {
      try {
        await client.call(client.graph, "getNode", { name: "localities/plymouth" });
        return;
      } catch (error) {
        if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
        if (Date.now() > giveUp) throw new Error(`the server did not answer within 60 s (${error.message}):\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });

  after(() => {
    client?.close();
    server?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

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
