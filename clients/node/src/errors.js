// LocalVisionError: one error type for every failed call, with the status as a name and a number, the server's
// message, and the google.rpc details the server sends in the grpc-status-details-bin trailer decoded.
import grpc from "@grpc/grpc-js";
import { contract } from "./contract.js";

/** gRPC status codes by name: `Status.NOT_FOUND === 5`. */
export const Status = Object.freeze(Object.fromEntries(Object.entries(grpc.status).filter(([name]) => Number.isNaN(Number(name)))));
const CODE_NAMES = Object.fromEntries(Object.entries(Status).map(([name, code]) => [code, name]));

const WEB_PORT_HINT =
  "that address is the server's web port (the dashboard and the JSON API, HTTP/1.1), not its gRPC port; " +
  "give the client the gRPC address (by default port 50051) as `address` or LV_SERVER";

export class LocalVisionError extends Error {
  /**
   * @param {object} init
   * @param {string} init.code the status name, e.g. "INVALID_ARGUMENT"
   * @param {string} init.message
   */
  constructor({ code, message, method = null, local = false, details = [], trailers = {}, cause }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "LocalVisionError";
    /** The status by name: "INVALID_ARGUMENT", "NOT_FOUND", "UNAUTHENTICATED", ... */
    this.code = code;
    /** The status as gRPC numbers it: 3 for INVALID_ARGUMENT. */
    this.grpcCode = Status[code] ?? Status.UNKNOWN;
    /** The RPC, e.g. "/localvision.v1.GraphService/GetNode" (null for an error before any call). */
    this.method = method;
    /** True when this client raised it (a request it would not send, a cancelled call) rather than the server. */
    this.local = local;
    /** Every decoded google.rpc detail, each with its `type` ("google.rpc.BadRequest", ...). */
    this.details = details;
    const detail = (type) => details.find((d) => d.type === type) ?? null;
    /** google.rpc.BadRequest's violations: [{ field, description, reason }]. */
    this.fieldViolations = (detail("google.rpc.BadRequest")?.fieldViolations ?? []).map(({ field, description, reason }) => ({ field, description, reason }));
    /** google.rpc.PreconditionFailure's violations: [{ type, subject, description }]. */
    this.preconditionViolations = (detail("google.rpc.PreconditionFailure")?.violations ?? []).map(({ type, subject, description }) => ({ type, subject, description }));
    const info = detail("google.rpc.ErrorInfo");
    /** google.rpc.ErrorInfo's reason (e.g. "API_KEY_MISSING"), domain and metadata, when the server sent one. */
    this.reason = info?.reason ?? null;
    this.domain = info?.domain ?? null;
    this.errorMetadata = info?.metadata ?? {};
    /** google.rpc.ResourceInfo, when the server sent one. */
    this.resource = detail("google.rpc.ResourceInfo");
    /** The call's text trailers (binary ones left out). */
    this.trailers = trailers;
  }

  /** An error this client raises itself, with field violations like the server's. */
  static local(code, message, fieldViolations = [], cause) {
    const details = fieldViolations.length ? [{ type: "google.rpc.BadRequest", fieldViolations: fieldViolations.map((v) => ({ reason: "", ...v })) }] : [];
    return new LocalVisionError({ code, message, local: true, details, cause });
  }

  /** The grpc-js error of a call to `method`, as a LocalVisionError. */
  static fromGrpc(error, method) {
    if (error instanceof LocalVisionError) return error;
    const code = CODE_NAMES[error.code] ?? "UNKNOWN";
    const trailers = {};
    let details = [];
    let message = error.details ?? error.message;
    if (error.metadata) {
      for (const [key, value] of Object.entries(error.metadata.getMap())) {
        if (!key.endsWith("-bin")) trailers[key] = String(value);
      }
      const [bytes] = error.metadata.get("grpc-status-details-bin");
      if (bytes) ({ details, message } = decodeStatus(bytes, message));
    }
    return new LocalVisionError({ code, message, method, details, trailers, cause: error });
  }

  /** The error of a call that reached an HTTP/1.1 server (the service's web port) instead of its gRPC port. */
  static webPort(error, method) {
    const code = CODE_NAMES[error.code] ?? "UNAVAILABLE";
    return new LocalVisionError({ code, message: `${WEB_PORT_HINT} (${error.details ?? error.message})`, method, details: [{ type: "google.rpc.ErrorInfo", reason: "WEB_PORT", domain: "localvision.client", metadata: {} }], cause: error });
  }
}

/** google.rpc.Status from its wire bytes: its message and its details, each decoded when its type is known. */
function decodeStatus(bytes, fallbackMessage) {
  const { root, statusType } = contract();
  let status;
  try {
    status = statusType.decode(bytes);
  } catch {
    return { details: [], message: fallbackMessage };
  }
  const details = (status.details ?? []).map((any) => {
    const url = any.typeUrl ?? any.type_url ?? "";
    const typeName = url.slice(url.lastIndexOf("/") + 1);
    try {
      const type = root.lookup(typeName);
      if (!type?.decode) return { type: typeName, value: Buffer.from(any.value ?? []) };
      const decoded = type.toObject(type.decode(any.value), { longs: Number, enums: String, defaults: true, arrays: true, objects: true });
      return { type: typeName, ...decoded };
    } catch {
      return { type: typeName, value: Buffer.from(any.value ?? []) };
    }
  });
  return { details, message: status.message || fallbackMessage };
}
