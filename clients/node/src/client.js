// LocalVisionClient: one channel to the server, and under it one object per service of the contract
// (`client.graph`, `client.evaluation`, ...) with one method per RPC, made from the service descriptors at load time.
import { readFileSync } from "node:fs";
import grpc from "@grpc/grpc-js";
import { parseAddress } from "./address.js";
import { methodFunction } from "./calls.js";
import { contract } from "./contract.js";
import { LocalVisionError } from "./errors.js";

const API_KEY_HEADER = "x-api-key";

/** A PEM given as text, a Buffer, or `{ path }` of a file, as a Buffer. */
function pem(value, name) {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === "string") return Buffer.from(value);
  if (typeof value?.path === "string") return readFileSync(value.path);
  throw LocalVisionError.local("INVALID_ARGUMENT", `tls.${name} must be PEM text, a Buffer, or { path }`, [{ field: `tls.${name}`, description: "must be PEM text, a Buffer, or { path }" }]);
}

function channelCredentials(address, tls) {
  if (tls === false && address.tls) {
    throw LocalVisionError.local("INVALID_ARGUMENT", "the address is https:// (TLS) but tls is false; drop one of them", [{ field: "tls", description: "contradicts an https:// address" }]);
  }
  const useTls = address.tls || (tls !== undefined && tls !== null && tls !== false);
  if (!useTls) return { credentials: grpc.credentials.createInsecure(), options: {}, tls: false };
  const settings = tls === true || tls === undefined || tls === null ? {} : tls;
  if (typeof settings !== "object") throw LocalVisionError.local("INVALID_ARGUMENT", "tls must be true, false, or { ca, cert, key, serverName }", [{ field: "tls", description: "must be true, false, or an object" }]);
  const { ca, cert, key, serverName, ...unknown } = settings;
  if (Object.keys(unknown).length) {
    throw LocalVisionError.local("INVALID_ARGUMENT", `unknown tls setting ${Object.keys(unknown).join(", ")}; the settings are ca, cert, key and serverName`);
  }
  const options = serverName ? { "grpc.ssl_target_name_override": serverName, "grpc.default_authority": serverName } : {};
  return { credentials: grpc.credentials.createSsl(pem(ca, "ca"), pem(key, "key"), pem(cert, "cert")), options, tls: true };
}

export class LocalVisionClient {
  #grpc;
  #apiKey;
  #closed = false;

  /**
   * @param {object} [settings]
   * @param {string} [settings.address] `host:port`, `http://host:port` or `https://host:port` (TLS); default LV_SERVER, else 127.0.0.1:50051
   * @param {string} [settings.apiKey] sent as the x-api-key header on every call; default LV_API_KEY
   * @param {boolean | { ca?, cert?, key?, serverName? }} [settings.tls] TLS with the system's roots (true) or these
   * @param {number} [settings.timeoutMs] each unary call's time limit unless the call gives its own (default 30 000 ms; 0 for none)
   * @param {number} [settings.streamTimeoutMs] each streaming call's (server or client stream: an import or an export can take long; default none)
   */
  constructor({ address = process.env.LV_SERVER || "127.0.0.1:50051", apiKey = process.env.LV_API_KEY, tls, timeoutMs = 30_000, streamTimeoutMs = 0, channelOptions = {} } = {}) {
    const parsed = parseAddress(address);
    const { credentials, options, tls: secure } = channelCredentials(parsed, tls);
    /** Where the client connects: { host, port, tls, target }. */
    this.address = { ...parsed, tls: secure };
    this.timeoutMs = timeoutMs;
    this.streamTimeoutMs = streamTimeoutMs;
    this.#apiKey = apiKey || null;
    this.#grpc = new grpc.Client(parsed.target, credentials, { ...options, ...channelOptions });
    const internals = { address: this.address, grpc: this.#grpc, timeoutMs, streamTimeoutMs, metadataFor: (extra) => this.#metadata(extra), isClosed: () => this.#closed };
    /** Every service by its property name: { graph, evaluation, ... }. */
    this.services = {};
    for (const service of contract().services) {
      const methods = {};
      for (const method of service.methods) methods[method.property] = methodFunction(internals, method);
      this.services[service.property] = Object.freeze(methods);
      if (service.property in this) throw new Error(`the service ${service.name} would hide LocalVisionClient.${service.property}`);
      Object.defineProperty(this, service.property, { value: this.services[service.property], enumerable: true });
    }
    Object.freeze(this.services);
  }

  #metadata(extra) {
    const metadata = new grpc.Metadata();
    if (this.#apiKey) metadata.set(API_KEY_HEADER, this.#apiKey);
    for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
    return metadata;
  }

  /** Closes the channel: no new calls start; calls in flight finish. */
  close() {
    this.#closed = true;
    this.#grpc.close();
  }
}
