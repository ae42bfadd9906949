// Between the plain JavaScript a caller writes and reads and protobuf messages, guided by the message descriptors:
// - google.protobuf.Struct (node and relationship properties) ↔ a plain object; Value ↔ a plain value;
// - google.protobuf.Timestamp ↔ Date (a Date or an ISO 8601 string, `yyyy-MM-dd` meaning midnight UTC, is accepted);
// - 64-bit integers ↔ number: every 64-bit value LocalVision sends (counts, sizes, sequence numbers) is a count far
//   below 2^53, so it comes back as a plain number; one that could not be a number exactly is refused with
//   OUT_OF_RANGE rather than rounded. A number, a BigInt or a decimal string is accepted going out;
// - enums ↔ their names (`"DIRECTION_OUTGOING"`; going out, the name without its prefix, `"OUTGOING"`, or a number is
//   accepted too);
// - field names in camelCase (`displayName`; the proto's snake_case is accepted going out).
// Responses carry every field: scalars at their defaults, lists empty, a message or `optional` field that was not
// set as null. A request that names no field of its message, or a value of the wrong kind, is refused before it is
// sent, as INVALID_ARGUMENT with field violations (and a "did you mean" for a misspelt field or enum name).
import protobuf from "protobufjs";
import { LocalVisionError } from "./errors.js";

const Long = protobuf.util.Long;

const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const INT32_TYPES = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32"]);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The problems found in one request, reported together. */
class Problems {
  violations = [];
  add(field, description) {
    this.violations.push({ field, description });
  }
  throwIfAny(what) {
    if (this.violations.length === 0) return;
    const summary = this.violations.map((v) => `${v.field}: ${v.description}`).join("; ");
    throw LocalVisionError.local("INVALID_ARGUMENT", `${what} was not sent: ${summary}`, this.violations);
  }
}

const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value);

/** The closest of `candidates` to `name`, when it is close enough to be what was meant. */
export function closest(name, candidates) {
  const distance = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const saved = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = saved;
      }
    }
    return row[b.length];
  };
  let best = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// ---- going out: plain JavaScript → an object protobufjs encodes ----

/** The request `value` as an object `type.encode` takes; throws INVALID_ARGUMENT naming every problem. */
export function toMessage(type, value, what = type.name) {
  const problems = new Problems();
  const message = messageOut(type, value ?? {}, "", problems);
  problems.throwIfAny(what);
  return message;
}

function messageOut(type, value, at, problems) {
  switch (type.fullName) {
    case ".google.protobuf.Timestamp":
      return timestampOut(value, at, problems);
    case ".google.protobuf.Struct":
      return structOut(value, at, problems);
    case ".google.protobuf.Value":
      return valueOut(value, at, problems);
    case ".google.protobuf.ListValue":
      return Array.isArray(value) ? { values: value.map((v, i) => valueOut(v, `${at}[${i}]`, problems)) } : (problems.add(at, "must be an array"), {});
  }
  if (!isPlainObject(value)) {
    problems.add(at || "request", `must be an object with the fields of ${type.name}`);
    return {};
  }
  const out = {};
  for (const [key, given] of Object.entries(value)) {
    if (given === undefined) continue;
    const field = type.fields[key] ?? type.fields[camel(key)];
    const where = at ? `${at}.${key}` : key;
    if (!field) {
      const names = type.fieldsArray.map((f) => f.name);
      const near = closest(key, names);
      problems.add(where, `${type.name} has no field \`${key}\`${near ? `; did you mean \`${near}\`?` : ` (its fields: ${names.join(", ")})`}`);
      continue;
    }
    if (given === null) continue; // null leaves a field unset, as undefined does
    out[field.name] = fieldOut(field, given, where, problems);
  }
  return out;
}

function fieldOut(field, value, at, problems) {
  if (field.map) {
    if (!isPlainObject(value) && !(value instanceof Map)) {
      problems.add(at, "must be an object (a map)");
      return {};
    }
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    return Object.fromEntries(entries.map(([k, v]) => [k, singleOut(field, v, `${at}.${k}`, problems)]));
  }
  if (field.repeated) {
    if (!Array.isArray(value) && !(value?.[Symbol.iterator] && typeof value !== "string")) {
      problems.add(at, "must be an array");
      return [];
    }
    return [...value].map((v, i) => singleOut(field, v, `${at}[${i}]`, problems));
  }
  return singleOut(field, value, at, problems);
}

function singleOut(field, value, at, problems) {
  const resolved = field.resolvedType;
  if (resolved && resolved.values) return enumOut(resolved, value, at, problems);
  if (resolved) return messageOut(resolved, value, at, problems);
  return scalarOut(field.type, value, at, problems);
}

function enumOut(enumType, value, at, problems) {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && Object.hasOwn(enumType.values, value)) return enumType.values[value];
  const names = Object.keys(enumType.values);
  // The name without the enum's prefix, as the server's messages write it: "OUTGOING" for DIRECTION_OUTGOING.
  const prefix = enumPrefix(names);
  if (typeof value === "string" && prefix && Object.hasOwn(enumType.values, prefix + value)) return enumType.values[prefix + value];
  const near = typeof value === "string" ? closest(value, names) : null;
  problems.add(at, `\`${String(value)}\` is not a ${enumType.name}${near ? `; did you mean \`${near}\`?` : `; one of ${names.join(", ")}`}`);
  return 0;
}

/** The prefix every name of an enum shares up to an underscore ("DIRECTION_"), or "". */
function enumPrefix(names) {
  if (names.length < 2) return "";
  let prefix = names[0];
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf("_") + 1);
}

function scalarOut(type, value, at, problems) {
  if (LONG_TYPES.has(type)) {
    const unsigned = type.startsWith("u") || type === "fixed64";
    if (typeof value === "bigint" || (typeof value === "string" && /^-?\d+$/.test(value))) return Long.fromString(String(value), unsigned);
    if (typeof value === "number" && Number.isSafeInteger(value)) return Long.fromNumber(value, unsigned);
    problems.add(at, `must be a whole number (a number up to 2^53, a BigInt or a decimal string), not ${describe(value)}`);
    return 0;
  }
  if (INT32_TYPES.has(type)) {
    if (typeof value === "number" && Number.isInteger(value)) return value;
    if (typeof value === "bigint" && value >= -(2n ** 31n) && value < 2n ** 32n) return Number(value);
    problems.add(at, `must be a whole number, not ${describe(value)}`);
    return 0;
  }
  switch (type) {
    case "double":
    case "float":
      if (typeof value === "number") return value;
      break;
    case "bool":
      if (typeof value === "boolean") return value;
      break;
    case "string":
      if (typeof value === "string") return value;
      break;
    case "bytes":
      if (ArrayBuffer.isView(value)) return value;
      if (typeof value === "string") return Buffer.from(value, "base64");
      break;
  }
  problems.add(at, `must be a ${type === "double" || type === "float" ? "number" : type === "bool" ? "boolean" : type}, not ${describe(value)}`);
  return undefined;
}

function timestampOut(value, at, problems) {
  let date = null;
  if (value instanceof Date) date = value;
  else if (typeof value === "string" && DATE_ONLY.test(value)) {
    date = new Date(`${value}T00:00:00Z`);
    // Date rolls 2015-02-30 over to March; a day the month does not have is refused instead.
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) !== value) date = null;
  }
  else if (typeof value === "string" && ISO_TIME.test(value)) date = new Date(value);
  if (!date || Number.isNaN(date.getTime())) {
    problems.add(at, `must be a Date or an ISO 8601 date (2025-04-01) or time (2025-04-01T09:30:00Z), not ${describe(value)}`);
    return {};
  }
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: Long.fromNumber(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

function structOut(value, at, problems) {
  if (!isPlainObject(value)) {
    problems.add(at, `must be a plain object, not ${describe(value)}`);
    return { fields: {} };
  }
  const fields = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined) fields[key] = valueOut(v, at ? `${at}.${key}` : key, problems);
  }
  return { fields };
}

function valueOut(value, at, problems) {
  if (value === null) return { nullValue: 0 };
  if (typeof value === "number") {
    if (Number.isFinite(value)) return { numberValue: value };
  } else if (typeof value === "bigint") {
    if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) return { numberValue: Number(value) };
  } else if (typeof value === "string") return { stringValue: value };
  else if (typeof value === "boolean") return { boolValue: value };
  else if (value instanceof Date) return { stringValue: value.toISOString() };
  else if (Array.isArray(value)) return { listValue: { values: value.map((v, i) => valueOut(v, `${at}[${i}]`, problems)) } };
  else if (isPlainObject(value)) return { structValue: structOut(value, at, problems) };
  problems.add(at, `a property value must be null, a finite number, a string, a boolean, an array or an object, not ${describe(value)}`);
  return { nullValue: 0 };
}

function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

// ---- coming in: a decoded protobufjs message → plain JavaScript ----

/** The decoded `message` of `type` as plain JavaScript (see the rules at the top). */
export function fromMessage(type, message, at = "") {
  switch (type.fullName) {
    case ".google.protobuf.Timestamp":
      return new Date(longToNumber(message.seconds ?? 0, `${at}.seconds`) * 1000 + Math.floor((message.nanos ?? 0) / 1_000_000));
    case ".google.protobuf.Struct":
      return structIn(message);
    case ".google.protobuf.Value":
      return valueIn(message);
    case ".google.protobuf.ListValue":
      return (message.values ?? []).map(valueIn);
  }
  const out = {};
  for (const field of type.fieldsArray) {
    const present = Object.hasOwn(message, field.name);
    const where = at ? `${at}.${field.name}` : field.name;
    if (field.map) {
      const entries = present ? Object.entries(message[field.name]) : [];
      out[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, singleIn(field, v, `${where}.${k}`)]));
    } else if (field.repeated) {
      out[field.name] = present ? message[field.name].map((v, i) => singleIn(field, v, `${where}[${i}]`)) : [];
    } else if (field.resolvedType && !field.resolvedType.values) {
      out[field.name] = present && message[field.name] != null ? singleIn(field, message[field.name], where) : null;
    } else if (field.partOf) {
      out[field.name] = present && message[field.name] != null ? singleIn(field, message[field.name], where) : null;
    } else {
      out[field.name] = singleIn(field, present ? message[field.name] : field.typeDefault, where);
    }
  }
  for (const oneof of type.oneofsArray) {
    if (oneof.fieldsArray.length === 1 && oneof.fieldsArray[0].options?.proto3_optional) continue;
    out[oneof.name] = oneof.fieldsArray.find((f) => out[f.name] !== null)?.name ?? null;
  }
  return out;
}

function singleIn(field, value, at) {
  const resolved = field.resolvedType;
  if (resolved && resolved.values) return resolved.valuesById[value] ?? value;
  if (resolved) return fromMessage(resolved, value, at);
  if (LONG_TYPES.has(field.type)) return longToNumber(value, at);
  if (field.type === "bytes") return Buffer.from(value ?? []);
  return value;
}

/** A 64-bit value as a number; OUT_OF_RANGE when it cannot be one exactly. */
export function longToNumber(value, at) {
  if (typeof value === "number") return value;
  const long = Long.isLong(value) ? value : Long.fromValue(value ?? 0);
  const text = long.toString();
  const number = Number(text);
  if (!Number.isSafeInteger(number)) {
    throw LocalVisionError.local("OUT_OF_RANGE", `the response's ${at} is ${text}, beyond the range a JavaScript number holds exactly (2^53); this client does not round it`, [
      { field: at, description: `${text} is not a safe integer` },
    ]);
  }
  return number;
}

function structIn(struct) {
  return Object.fromEntries(Object.entries(struct?.fields ?? {}).map(([k, v]) => [k, valueIn(v)]));
}

function valueIn(value) {
  if (!value) return null;
  if (Object.hasOwn(value, "numberValue")) return value.numberValue;
  if (Object.hasOwn(value, "stringValue")) return value.stringValue;
  if (Object.hasOwn(value, "boolValue")) return value.boolValue;
  if (Object.hasOwn(value, "structValue")) return structIn(value.structValue);
  if (Object.hasOwn(value, "listValue")) return (value.listValue.values ?? []).map(valueIn);
  return null;
}
