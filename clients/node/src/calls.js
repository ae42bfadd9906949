// One JavaScript function per RPC, made from its method descriptor: unary calls return a promise, server streams an
// async iterable, client streams take an (async) iterable and return a promise, bidirectional streams take one and
// return the other. Every call takes `{ signal, deadline, timeoutMs, metadata }` and fails only with LocalVisionError;
// no grpc-js stream is left without an 'error' listener, so no failure can become an unhandled 'error' event.
import { fromMessage, toMessage } from "./convert.js";
import { LocalVisionError, Status } from "./errors.js";
import { isHttp1Server } from "./web-port.js";

const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value) && !(Symbol.iterator in value) && !(Symbol.asyncIterator in value);

/**
 * The request's fields a caller may give positionally, in field-number order: the leading scalars, enums, times and
 * lists, up to the first other message or map (`getNode("localities/plymouth")`, `listNodes("Partner", 'kind =
 * "CCG"')`, `evaluateInitiative("initiatives/x", "2015-03-31")`).
 */
export function positionalFields(type) {
  const fields = [];
  for (const field of [...type.fieldsArray].sort((a, b) => a.id - b.id)) {
    const message = field.resolvedType && !field.resolvedType.values && field.resolvedType.fullName !== ".google.protobuf.Timestamp";
    if (field.map || (!field.repeated && message)) break;
    fields.push(field);
  }
  return fields;
}

/** `method(request?, options?)` or `method(first, second, ..., options?)` → { request, options }. */
function splitArguments(method, args) {
  if (method.requestStream) return { request: args[0], options: args[1] ?? {}, extra: args.length > 2 };
  if (args.length === 0 || args[0] === undefined || isPlainObject(args[0])) return { request: args[0] ?? {}, options: args[1] ?? {}, extra: args.length > 2 };
  const fields = positionalFields(method.requestType);
  const request = {};
  let i = 0;
  for (; i < args.length && !isPlainObject(args[i]) && args[i] !== undefined; i++) {
    if (i >= fields.length) {
      throw LocalVisionError.local("INVALID_ARGUMENT", `${method.property} takes at most ${fields.length} positional argument${fields.length === 1 ? "" : "s"} (${fields.map((f) => f.name).join(", ")}), then the call options; give the rest in a request object`);
    }
    request[fields[i].name] = args[i];
  }
  return { request, options: args[i] ?? {}, extra: args.length > i + 1 };
}

/** grpc-js metadata and call options for one call; throws INVALID_ARGUMENT for options it cannot use. */
function callSettings(client, method, options, defaultTimeoutMs) {
  if (!isPlainObject(options)) throw LocalVisionError.local("INVALID_ARGUMENT", `the call options of ${method.property} must be an object: { signal, deadline, timeoutMs, metadata }`);
  const { signal, deadline, timeoutMs = defaultTimeoutMs, metadata = {}, ...unknown } = options;
  const names = Object.keys(unknown);
  if (names.length) throw LocalVisionError.local("INVALID_ARGUMENT", `unknown call option${names.length === 1 ? "" : "s"} ${names.join(", ")}; the options are signal, deadline, timeoutMs and metadata`);
  const limits = [];
  if (deadline !== undefined && deadline !== null) {
    const at = deadline instanceof Date ? deadline.getTime() : deadline;
    if (typeof at !== "number" || Number.isNaN(at)) throw LocalVisionError.local("INVALID_ARGUMENT", "deadline must be a Date or a time in milliseconds since 1970");
    limits.push(at);
  }
  if (timeoutMs !== undefined && timeoutMs !== null && timeoutMs !== Infinity && timeoutMs !== 0) {
    if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) throw LocalVisionError.local("INVALID_ARGUMENT", "timeoutMs must be a positive number of milliseconds (0 or Infinity for none)");
    limits.push(Date.now() + timeoutMs);
  }
  if (signal !== undefined && (typeof signal?.aborted !== "boolean" || typeof signal.addEventListener !== "function")) {
    throw LocalVisionError.local("INVALID_ARGUMENT", "signal must be an AbortSignal");
  }
  return { metadata: client.metadataFor(metadata), grpcOptions: limits.length ? { deadline: new Date(Math.min(...limits)) } : {}, signal };
}

function cancelled(method, signal) {
  const reason = signal.reason;
  return new LocalVisionError({ code: "CANCELLED", message: `${method.property} was cancelled by its AbortSignal${reason?.message ? `: ${reason.message}` : ""}`, method: method.path, local: true, cause: reason });
}

/** Cancels `call` when `signal` aborts; returns the function that stops listening. */
function onAbort(signal, call) {
  if (!signal) return () => {};
  const listener = () => call.cancel();
  signal.addEventListener("abort", listener, { once: true });
  return () => signal.removeEventListener("abort", listener);
}

/**
 * The error a call ended with, as a LocalVisionError: CANCELLED by the caller's signal says so, and a call that could
 * not connect because the address is the web port says that.
 */
async function failure(client, method, error, signal) {
  try {
    if (signal?.aborted) return cancelled(method, signal);
    if (error?.code === Status.UNAVAILABLE && !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(error.details ?? "") && (await isHttp1Server(client.address))) {
      return LocalVisionError.webPort(error, method.path);
    }
    return LocalVisionError.fromGrpc(error, method.path);
  } catch (unexpected) {
    // Never let reading an error become an error of its own: keep what grpc-js said.
    return new LocalVisionError({ code: "UNKNOWN", message: `${error?.details ?? error?.message ?? error} (and reading it failed: ${unexpected?.message})`, method: method.path, cause: error });
  }
}

/** The function for `method` on `client` (a LocalVisionClient's internals: grpc, metadataFor, timeouts). */
export function methodFunction(client, method) {
  const { requestType, responseType } = method;
  const serialize = (message) => Buffer.from(requestType.encode(message).finish());
  const deserialize = (bytes) => responseType.decode(bytes);
  const read = (message) => fromMessage(responseType, message);
  const write = (request, index) => toMessage(requestType, request, index === undefined ? `the ${method.property} request` : `message ${index} of the ${method.property} stream`);
  const prepare = (args, defaultTimeoutMs) => {
    if (client.isClosed()) throw LocalVisionError.local("FAILED_PRECONDITION", `${method.property} was not sent: this LocalVisionClient is closed; make a new one`);
    const { request, options, extra } = splitArguments(method, args);
    if (extra) throw LocalVisionError.local("INVALID_ARGUMENT", `${method.property} was given more arguments than a request and call options`);
    const settings = callSettings(client, method, options, defaultTimeoutMs);
    if (settings.signal?.aborted) throw cancelled(method, settings.signal);
    return { request, ...settings };
  };

  if (!method.requestStream && !method.responseStream) {
    return async function unary(...args) {
      const { request, metadata, grpcOptions, signal } = prepare(args, client.timeoutMs);
      const message = write(request);
      return new Promise((resolve, reject) => {
        let stopListening = () => {};
        const call = client.grpc.makeUnaryRequest(method.path, serialize, deserialize, message, metadata, grpcOptions, (error, response) => {
          stopListening();
          if (error) return void failure(client, method, error, signal).then(reject);
          try {
            resolve(read(response));
          } catch (e) {
            reject(e);
          }
        });
        stopListening = onAbort(signal, call);
      });
    };
  }

  if (!method.requestStream && method.responseStream) {
    return function serverStream(...args) {
      // The call starts when iteration starts, so a stream nobody reads costs nothing and fails nowhere; a request
      // the client refuses, like every other failure, rejects the iteration, and a deadline runs from its start.
      return (async function* responses() {
        const { request, metadata, grpcOptions, signal } = prepare(args, client.streamTimeoutMs);
        const message = write(request);
        const call = client.grpc.makeServerStreamRequest(method.path, serialize, deserialize, message, metadata, grpcOptions);
        yield* readAll(client, method, call, signal, read);
      })();
    };
  }

  if (method.requestStream && !method.responseStream) {
    return async function clientStream(...args) {
      const { request: requests, metadata, grpcOptions, signal } = prepare(args, client.streamTimeoutMs);
      requireIterable(method, requests);
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (fn, value) => {
          if (settled) return;
          settled = true;
          stopListening();
          fn(value);
        };
        const call = client.grpc.makeClientStreamRequest(method.path, serialize, deserialize, metadata, grpcOptions, (error, response) => {
          if (error) return void failure(client, method, error, signal).then((e) => settle(reject, e));
          try {
            settle(resolve, read(response));
          } catch (e) {
            settle(reject, e);
          }
        });
        call.on("error", () => {}); // the callback above reports it
        const stopListening = onAbort(signal, call);
        writeAll(call, requests, write).catch((error) => {
          call.cancel();
          settle(reject, error instanceof LocalVisionError ? error : LocalVisionError.local("CANCELLED", `${method.property} stopped: its request iterable threw: ${error?.message ?? error}`, [], error));
        });
      });
    };
  }

  return function bidiStream(...args) {
    return (async function* responses() {
      const { request: requests, metadata, grpcOptions, signal } = prepare(args, client.streamTimeoutMs);
      requireIterable(method, requests);
      const call = client.grpc.makeBidiStreamRequest(method.path, serialize, deserialize, metadata, grpcOptions);
      let writeError = null;
      writeAll(call, requests, write).catch((error) => {
        writeError = error;
        call.cancel();
      });
      try {
        yield* readAll(client, method, call, signal, read);
      } catch (error) {
        throw writeError ?? error;
      }
    })();
  };
}

function requireIterable(method, requests) {
  if (requests === null || typeof requests !== "object" || !(Symbol.iterator in requests || Symbol.asyncIterator in requests)) {
    throw LocalVisionError.local("INVALID_ARGUMENT", `${method.property} streams its requests: give it an array, an iterable or an async iterable of request objects`);
  }
}

/** Yields each response of `call` as plain JavaScript; ends the call if the reader stops early. */
async function* readAll(client, method, call, signal, read) {
  call.on("error", () => {}); // the iterator below rejects with it
  const stopListening = onAbort(signal, call);
  let finished = false;
  try {
    for await (const message of call) {
      // Messages already received are not handed out once the caller has aborted.
      if (signal?.aborted) throw cancelled(method, signal);
      yield read(message);
    }
    finished = true;
  } catch (error) {
    if (error instanceof LocalVisionError) throw error;
    throw await failure(client, method, error, signal);
  } finally {
    stopListening();
    if (!finished) call.cancel();
  }
}

/**
 * Writes every request of `requests` to `call` as it is converted, waiting while the stream is full, then ends it.
 * Once the call has its status (the server refused it, or it was cancelled) it stops reading `requests`, so the
 * caller's generator is closed rather than left waiting.
 */
async function writeAll(call, requests, write) {
  let ended = false;
  call.once("status", () => (ended = true));
  let index = 0;
  for await (const request of requests) {
    if (ended) return;
    const message = write(request, index++);
    if (!call.write(message)) {
      const more = await new Promise((resolve) => {
        const drained = () => {
          call.off("status", stopped);
          resolve(true);
        };
        const stopped = () => {
          call.off("drain", drained);
          resolve(false);
        };
        call.once("drain", drained);
        call.once("status", stopped);
      });
      if (!more) return;
    }
  }
  if (!ended) call.end();
}
