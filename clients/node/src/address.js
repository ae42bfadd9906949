// The server's gRPC address as a person writes it, in `address` or LV_SERVER alike, with `lv`'s rules:
// `host:port`, `http://host:port` (plain text, h2c) or `https://host:port` (TLS); a host without a port is on the
// gRPC port, 50051, not HTTP's 80 or 443.
import { LocalVisionError } from "./errors.js";

export const DEFAULT_PORT = 50051;

/** @returns {{ host: string, port: number, tls: boolean, target: string }} */
export function parseAddress(text) {
  const trimmed = String(text ?? "").trim();
  const hasScheme = trimmed.includes("://");
  let url = null;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    url = null;
  }
  if (trimmed.length === 0 || !url || !["http:", "https:"].includes(url.protocol) || url.hostname.length === 0 || !["", "/"].includes(url.pathname + url.search + url.hash) || url.username || url.password) {
    throw LocalVisionError.local(
      "INVALID_ARGUMENT",
      `\`${text}\` is not a server address; write host:port (127.0.0.1:${DEFAULT_PORT}), http://host:port, or https://host:port for TLS, in address or LV_SERVER`,
      [{ field: "address", description: "must be host:port, http://host:port or https://host:port" }],
    );
  }
  // URL drops a port that is the scheme's default (http://h:80), so the port is read from what was written.
  const authority = (hasScheme ? trimmed.slice(trimmed.indexOf("://") + 3) : trimmed).replace(/\/$/, "");
  const written = /:(\d+)$/.exec(authority.slice(authority.lastIndexOf("]") + 1));
  const port = written ? Number(written[1]) : DEFAULT_PORT;
  const host = url.hostname;
  return { host, port, tls: url.protocol === "https:", target: `${host}:${port}` };
}
