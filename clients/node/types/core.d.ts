// The client's hand-written declarations (what no proto describes); types/index.d.ts, generated from the protos,
// re-exports them beside the messages, enums and services.

/** A property value as the client returns it: what JSON holds. */
export type PropertyValue = null | number | string | boolean | PropertyValue[] | { [key: string]: PropertyValue };
/** Node and relationship properties (google.protobuf.Struct) as a plain object. */
export type Properties = { [key: string]: PropertyValue };
/** A property value as a call takes it: a Date is sent as its ISO string, a safe BigInt as a number. */
export type PropertyValueInput = null | number | bigint | string | boolean | Date | readonly PropertyValueInput[] | { [key: string]: PropertyValueInput | undefined };
export type PropertiesInput = { [key: string]: PropertyValueInput | undefined };

/** Settings of one call. */
export interface CallOptions {
  /** Aborting it cancels the call: the promise (or the iteration) rejects with a LocalVisionError, code CANCELLED. */
  signal?: AbortSignal;
  /** When the call must be over: a Date, or milliseconds since 1970. */
  deadline?: Date | number;
  /** How long the call may take, in milliseconds (0 or Infinity: no limit); the client's default otherwise. */
  timeoutMs?: number;
  /** Extra request headers. */
  metadata?: { [key: string]: string };
}

export interface TlsSettings {
  /** The certificate authority (or self-signed certificate) to trust, instead of the system's roots: PEM text, bytes or { path }. */
  ca?: string | Uint8Array | { path: string };
  /** A client certificate and its key, for a server that asks for one. */
  cert?: string | Uint8Array | { path: string };
  key?: string | Uint8Array | { path: string };
  /** The name the server's certificate must carry, when it is not the address's host. */
  serverName?: string;
}

export interface ClientSettings {
  /** `host:port`, `http://host:port` or `https://host:port` (TLS); a host alone means port 50051. Default LV_SERVER, else 127.0.0.1:50051. */
  address?: string;
  /** An API key, sent as the `x-api-key` header on every call. Default LV_API_KEY. */
  apiKey?: string;
  /** TLS with the system's roots (true) or with these settings; an https:// address means TLS too. */
  tls?: boolean | TlsSettings;
  /** Each unary call's time limit unless the call gives its own; default 30 000 ms, 0 for none. */
  timeoutMs?: number;
  /** Each streaming call's time limit (server and client streams: an import or an export can take long); default none. */
  streamTimeoutMs?: number;
  /** Channel options passed to @grpc/grpc-js as they are. */
  channelOptions?: { [key: string]: string | number };
}

export interface ServerAddress {
  host: string;
  port: number;
  tls: boolean;
  /** host:port as the channel dials it. */
  target: string;
}

export declare function parseAddress(text: string): ServerAddress;
export declare const DEFAULT_PORT: 50051;

export type StatusName =
  | "OK" | "CANCELLED" | "UNKNOWN" | "INVALID_ARGUMENT" | "DEADLINE_EXCEEDED" | "NOT_FOUND" | "ALREADY_EXISTS"
  | "PERMISSION_DENIED" | "RESOURCE_EXHAUSTED" | "FAILED_PRECONDITION" | "ABORTED" | "OUT_OF_RANGE" | "UNIMPLEMENTED"
  | "INTERNAL" | "UNAVAILABLE" | "DATA_LOSS" | "UNAUTHENTICATED";

/** gRPC status codes by name: `Status.NOT_FOUND === 5`. */
export declare const Status: { readonly [name in StatusName]: number };

export interface FieldViolation {
  field: string;
  description: string;
  reason: string;
}

export interface PreconditionViolation {
  type: string;
  subject: string;
  description: string;
}

/** A decoded google.rpc detail: its type name and its fields. */
export interface ErrorDetail {
  type: string;
  [field: string]: unknown;
}

/** Every failed call rejects with one of these. */
export declare class LocalVisionError extends Error {
  readonly name: "LocalVisionError";
  /** The status by name. */
  readonly code: StatusName;
  /** The status as gRPC numbers it. */
  readonly grpcCode: number;
  /** The RPC's path, e.g. "/localvision.v1.GraphService/GetNode"; null for an error before any call. */
  readonly method: string | null;
  /** True when the client raised it itself (a request it would not send, a call cancelled by its signal). */
  readonly local: boolean;
  readonly details: ErrorDetail[];
  /** google.rpc.BadRequest's field violations. */
  readonly fieldViolations: FieldViolation[];
  /** google.rpc.PreconditionFailure's violations. */
  readonly preconditionViolations: PreconditionViolation[];
  /** google.rpc.ErrorInfo's reason, domain and metadata. */
  readonly reason: string | null;
  readonly domain: string | null;
  readonly errorMetadata: { [key: string]: string };
  /** google.rpc.ResourceInfo, when sent. */
  readonly resource: ErrorDetail | null;
  /** The call's text trailers. */
  readonly trailers: { [key: string]: string };
}
