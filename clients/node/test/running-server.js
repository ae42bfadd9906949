// The real LocalVision server (the built LocalVision.Server.dll, with the sample dataset in a temporary store) for
// the tests: started on a free port, ready once the sample dataset answers. Holds no tests of its own.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connect } from "../src/client.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const serverDll = process.env.LOCALVISION_SERVER_DLL ?? path.join(repo, "src/LocalVision.Server/bin/Debug/net10.0/LocalVision.Server.dll");

/** Why the server tests cannot run (a reason to skip), or false when they can. */
export const notBuilt = existsSync(serverDll)
  ? false
  : `no server at ${serverDll}: build it with \`dotnet build src/LocalVision.Server\` (or set LOCALVISION_SERVER_DLL)`;

// CI builds the server before these tests: there a missing build fails instead of skipping.
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

/** Starts the server and a client on it; `stop()` ends both and removes the store. */
export async function startServer({ deadlineSeconds = 5 } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "localvision-node-"));
  const port = await freePort();
  const server = spawn("dotnet", [serverDll, "--store", path.join(folder, "graph.db"), "--grpc-port", String(port), "--web-port", "0", "--LocalVision:Store:Durable=false"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const client = connect(`127.0.0.1:${port}`, { deadlineSeconds });
  const stop = () => {
    client.close();
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  };
  const giveUp = Date.now() + 60_000;
  for (;;) {
    try {
      await client.call(client.graph, "getNode", { name: "localities/plymouth" });
      return { client, stop };
    } catch (error) {
      const why = server.exitCode !== null ? `the server exited (${server.exitCode})` : Date.now() > giveUp ? `the server did not answer within 60 s (${error.message})` : null;
      if (why) {
        stop();
        throw new Error(`${why}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
