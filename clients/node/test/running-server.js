// The real LocalVision server (the built LocalVision.Server.dll, with the sample dataset in a temporary store) for
// the tests: started on free ports, ready once the sample dataset answers; optionally with TLS (a self-signed
// certificate made with openssl) and with an admin API key (made with `LocalVision.Server keys create`, so the
// service is in protected mode from its first call). Holds no tests of its own.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LocalVisionClient } from "../src/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const serverDll = process.env.LOCALVISION_SERVER_DLL ?? path.join(repo, "src/LocalVision.Server/bin/Debug/net10.0/LocalVision.Server.dll");

/** Why the server tests cannot run (a reason to skip), or false when they can. */
export const notBuilt = existsSync(serverDll)
  ? false
  : `no server at ${serverDll}: build it with \`dotnet build src/LocalVision.Server\` (or set LOCALVISION_SERVER_DLL)`;

// CI builds the server before these tests: there a missing build fails instead of skipping.
if (notBuilt && process.env.CI) throw new Error(notBuilt);

function hasOpenssl() {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Why the TLS tests cannot run, or false. openssl is on every machine this project's CI uses: there it must be. */
export const noOpenssl = notBuilt || (hasOpenssl() ? false : "openssl is not on PATH: it makes the TLS tests' self-signed certificate");
if (noOpenssl && !notBuilt && process.env.CI) throw new Error(noOpenssl);

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A self-signed certificate for localhost and 127.0.0.1 in `folder`: { cert, key, ca } paths and the PEM text. */
function selfSignedCertificate(folder) {
  const cert = path.join(folder, "server.crt");
  const key = path.join(folder, "server.key");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "ignore" });
  return { cert, key, pem: readFileSync(cert, "utf8") };
}

/** Runs `LocalVision.Server keys create` against the store and returns the printed key. */
function createKey(store, name, role) {
  const output = execFileSync("dotnet", [serverDll, "keys", "create", "--name", name, "--role", role, "--store", store], { encoding: "utf8" });
  // The secret is the last line it prints, on a line of its own.
  return output.trim().split("\n").at(-1).trim();
}

/**
 * Starts the server; `stop()` ends it and removes the store.
 * @returns {Promise<{ client: LocalVisionClient, address: string, webPort: number, grpcPort: number, apiKey?: string,
 *   certificate?: string, folder: string, connect: (settings?: object) => LocalVisionClient, stop: () => void }>}
 */
export async function startServer({ tls = false, apiKey = false, timeoutMs = 10_000 } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "localvision-node-"));
  const store = path.join(folder, "graph.db");
  const [grpcPort, webPort] = [await freePort(), await freePort()];
  const settings = [`--LocalVision:Backup:Folder=${path.join(folder, "backups")}`];
  let certificate;
  if (tls) {
    const made = selfSignedCertificate(folder);
    certificate = made.pem;
    settings.push(`--LocalVision:Tls:CertificatePath=${made.cert}`, `--LocalVision:Tls:KeyPath=${made.key}`);
  }
  const key = apiKey ? createKey(store, "node-tests", "admin") : undefined;
  const server = spawn("dotnet", [serverDll, "--store", store, "--grpc-port", String(grpcPort), "--web-port", String(webPort), "--LocalVision:Store:Durable=false", ...settings], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  // TLS by name: the certificate is for localhost (and Node warns of an IP address as a TLS server name).
  const address = tls ? `https://localhost:${grpcPort}` : `http://127.0.0.1:${grpcPort}`;
  const clients = [];
  const connect = (extra = {}) => {
    const client = new LocalVisionClient({ address, apiKey: key, tls: tls ? { ca: certificate } : undefined, timeoutMs, ...extra });
    clients.push(client);
    return client;
  };
  const client = connect();
  const stop = () => {
    for (const c of clients) c.close();
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  };
  const giveUp = Date.now() + 90_000;
  for (;;) {
    try {
      await client.graph.getNode("localities/plymouth", { timeoutMs: 5_000 });
      return { client, address, grpcPort, webPort, apiKey: key, certificate, folder, connect, stop, output: () => output };
    } catch (error) {
      const why = server.exitCode !== null ? `the server exited (${server.exitCode})` : Date.now() > giveUp ? `the server did not answer within 90 s (${error.message})` : null;
      if (why) {
        stop();
        throw new Error(`${why}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
