// Whether an address that refused a gRPC call is an HTTP/1.1 server, as LocalVision's web port (the dashboard and the
// JSON API) is: asked only after a call failed to connect, with one bodiless GET of `/` that carries no credentials.
import http from "node:http";
import https from "node:https";

const answered = new Map();

/** True when `address` ({ host, port, tls }) answers HTTP/1.1; remembered per address. */
export function isHttp1Server(address) {
  const key = `${address.tls}:${address.host}:${address.port}`;
  if (!answered.has(key)) answered.set(key, probe(address));
  return answered.get(key);
}

function probe({ host, port, tls }) {
  return new Promise((resolve) => {
    const request = (tls ? https : http).request(
      // Only the status line is read: whether the certificate is trusted does not matter to the question.
      { host: host.replace(/^\[|\]$/g, ""), port, path: "/", method: "GET", timeout: 5_000, rejectUnauthorized: false, headers: { connection: "close" } },
      (response) => {
        response.resume();
        resolve(response.httpVersion.startsWith("1."));
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
    request.end();
  });
}
