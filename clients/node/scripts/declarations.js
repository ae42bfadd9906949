// The TypeScript declarations of the client, written from the contract's descriptors (scripts/build.js runs it):
// for every message two shapes, `X` as the client returns it and `XInput` as a call takes it, every enum as a union
// of its names, and for every service an interface with one method per RPC and its positional forms. The rules they
// declare are the ones src/convert.js and src/calls.js apply.
import protobuf from "protobufjs";
import { positionalFields } from "../src/calls.js";

const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const NUMBER_TYPES = new Set(["double", "float", "int32", "uint32", "sint32", "fixed32", "sfixed32"]);
const PACKAGE = ".localvision.v1.";

const typeName = (type) => type.fullName.startsWith(PACKAGE) ? type.fullName.slice(PACKAGE.length).replace(/\./g, "_") : null;

function doc(comment, indent = "") {
  if (!comment) return "";
  const lines = comment.replace(/\*\//g, "* /").split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

/** The TypeScript of one value of `field` (not its list or map), returned (`input` false) or taken (`input` true). */
function valueType(field, input) {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const name = typeName(resolved);
    return name ? (input ? `${name}Input` : name) : input ? "string | number" : "string";
  }
  if (resolved) {
    switch (resolved.fullName) {
      case ".google.protobuf.Timestamp":
        return input ? "Date | string" : "Date";
      case ".google.protobuf.Struct":
        return input ? "PropertiesInput" : "Properties";
      case ".google.protobuf.Value":
        return input ? "PropertyValueInput" : "PropertyValue";
      case ".google.protobuf.ListValue":
        return input ? "readonly PropertyValueInput[]" : "PropertyValue[]";
    }
    const name = typeName(resolved);
    return name ? (input ? `${name}Input` : name) : "unknown";
  }
  if (LONG_TYPES.has(field.type)) return input ? "number | bigint | string" : "number";
  if (NUMBER_TYPES.has(field.type)) return "number";
  if (field.type === "bool") return "boolean";
  if (field.type === "string") return "string";
  if (field.type === "bytes") return input ? "Uint8Array | string" : "Buffer";
  return "unknown";
}

function fieldType(field, input) {
  const single = valueType(field, input);
  if (field.map) return `{ [key: string]: ${single} }`;
  if (field.repeated) return input ? `readonly (${single})[]` : `(${single})[]`;
  const nullable = field.partOf || (field.resolvedType && !(field.resolvedType instanceof protobuf.Enum));
  return !input && nullable ? `${single} | null` : single;
}

function message(type) {
  const name = typeName(type);
  const out = [doc(type.comment) + `export interface ${name} {`];
  const input = [`/** ${name} as a call takes it: every field optional, Timestamps as Date or ISO string. */\nexport interface ${name}Input {`];
  for (const field of type.fieldsArray) {
    out.push(doc(field.comment, "  ") + `  ${field.name}: ${fieldType(field, false)};`);
    input.push(doc(field.comment, "  ") + `  ${field.name}?: ${fieldType(field, true)} | null;`);
  }
  for (const oneof of type.oneofsArray) {
    if (oneof.fieldsArray.length === 1 && oneof.fieldsArray[0].options?.proto3_optional) continue;
    out.push(`  /** Which field of the oneof \`${oneof.name}\` is set. */\n  ${oneof.name}: ${oneof.fieldsArray.map((f) => JSON.stringify(f.name)).join(" | ")} | null;`);
  }
  return `${out.join("\n")}\n}\n\n${input.join("\n")}\n}\n`;
}

function enumeration(type) {
  const name = typeName(type);
  const names = Object.keys(type.values);
  let prefix = names[0];
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = names.length > 1 ? prefix.slice(0, prefix.lastIndexOf("_") + 1) : "";
  const short = prefix ? names.map((n) => JSON.stringify(n.slice(prefix.length))) : [];
  return (
    doc(type.comment) +
    `export type ${name} = ${names.map((n) => JSON.stringify(n)).join(" | ")};\n` +
    `/** ${name} as a call takes it: a name, the name without \`${prefix}\`, or a number. */\n` +
    `export type ${name}Input = ${name}${short.length ? ` | ${short.join(" | ")}` : ""} | number;\n`
  );
}

function method(m) {
  const request = `${typeName(m.requestType)}Input`;
  const response = typeName(m.responseType);
  const comment = doc(m.comment, "  ");
  if (m.requestStream) {
    const requests = `Iterable<${request}> | AsyncIterable<${request}>`;
    return m.responseStream
      ? `${comment}  ${m.property}(requests: ${requests}, options?: CallOptions): AsyncGenerator<${response}, void, undefined>;`
      : `${comment}  ${m.property}(requests: ${requests}, options?: CallOptions): Promise<${response}>;`;
  }
  const result = m.responseStream ? `AsyncGenerator<${response}, void, undefined>` : `Promise<${response}>`;
  const lines = [`${comment}  ${m.property}(request?: ${request}, options?: CallOptions): ${result};`];
  const fields = positionalFields(m.requestType);
  for (let count = 1; count <= fields.length; count++) {
    const parameters = fields.slice(0, count).map((f, i) => `${f.name}${i === 0 ? "" : "?"}: ${fieldType(f, true)}`);
    lines.push(`${comment}  ${m.property}(${parameters.join(", ")}, options?: CallOptions): ${result};`);
  }
  return lines.join("\n");
}

function allTypes(namespace, found = []) {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) found.push(nested);
    if (nested.nestedArray) allTypes(nested, found);
  }
  return found;
}

/** The text of types/index.d.ts for `contract` (src/contract.js). */
export function declarations(contract) {
  const ours = allTypes(contract.root.lookup("localvision.v1")).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const parts = [
    "// Generated by scripts/build.js from the LocalVision protos: do not edit (change the .proto, then `npm run build`).",
    'import type { CallOptions, ClientSettings, Properties, PropertiesInput, PropertyValue, PropertyValueInput, ServerAddress } from "./core.js";',
    'export * from "./core.js";',
    "",
  ];
  for (const type of ours) parts.push(type instanceof protobuf.Enum ? enumeration(type) : message(type));
  for (const service of contract.services) {
    parts.push(doc(service.comment) + `export interface ${service.name} {\n${service.methods.map(method).join("\n")}\n}\n`);
  }
  const members = contract.services.map((s) => `  /** ${s.fullName}. */\n  readonly ${s.property}: ${s.name};`).join("\n");
  parts.push(`/** The services by their property names. */
export interface Services {
${members}
}

/** One channel to a LocalVision server, with an object per service and a method per RPC. */
export declare class LocalVisionClient {
  constructor(settings?: ClientSettings);
  /** Where the client connects. */
  readonly address: ServerAddress;
  readonly services: Services;
${members}
  /** Closes the channel: no new calls start; calls in flight finish. */
  close(): void;
}
`);
  return parts.join("\n");
}
