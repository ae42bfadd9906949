// LocalVision's contract has no bidirectional stream today; the client makes one for any RPC that is, from its
// descriptor like every other. This checks that path on a contract of its own (an echo service written here) served
// by an in-process grpc-js server on loopback: responses as an async iterable, requests from an async iterable, and
// a failure rejecting the iteration.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import grpc from "@grpc/grpc-js";
import { methodFunction } from "../src/calls.js";
import { loadContract, protoFolder } from "../src/contract.js";
import { LocalVisionError } from "../src/index.js";

const ECHO = `syntax = "proto3";
package localvision.v1;
import "google/protobuf/timestamp.proto";
service EchoService {
  rpc Echo(stream Shout) returns (stream Shout);
}
message Shout {
  string text = 1;
  google.protobuf.Timestamp at = 2;
  int64 count = 3;
}
`;

let folder;
let server;
let echo;
let channel;

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "localvision-bidi-"));
  cpSync(path.join(protoFolder, "google"), path.join(folder, "google"), { recursive: true });
  mkdirSync(path.join(folder, "localvision/v1"), { recursive: true });
  writeFileSync(path.join(folder, "localvision/v1/echo.proto"), ECHO);
  const [service] = loadContract(folder).services;
  const [method] = service.methods;
  assert.ok(method.requestStream && method.responseStream);

  const shout = method.requestType;
  server = new grpc.Server();
  server.addService(
    {
      echo: {
        path: method.path,
        requestStream: true,
        responseStream: true,
        requestSerialize: (m) => Buffer.from(shout.encode(m).finish()),
        requestDeserialize: (b) => shout.decode(b),
        responseSerialize: (m) => Buffer.from(shout.encode(m).finish()),
        responseDeserialize: (b) => shout.decode(b),
      },
    },
    {
      echo(call) {
        call.on("data", (m) => {
          if (m.text === "fail") call.emit("error", { code: grpc.status.FAILED_PRECONDITION, details: "asked to fail" });
          else call.write({ text: m.text.toUpperCase(), at: m.at, count: m.count });
        });
        call.on("end", () => call.end());
        call.on("error", () => {});
      },
    },
  );
  const port = await new Promise((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  channel = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const internals = { address: { host: "127.0.0.1", port, tls: false }, grpc: channel, timeoutMs: 10_000, streamTimeoutMs: 10_000, metadataFor: () => new grpc.Metadata(), isClosed: () => false };
  echo = methodFunction(internals, method);
});

after(() => {
  channel?.close();
  server?.forceShutdown();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("a bidirectional stream takes an async iterable and is one, with the value rules both ways", async () => {
  async function* shouts() {
    yield { text: "hello", at: "2015-03-31", count: 2n };
    yield { text: "again", count: 3 };
  }
  const heard = [];
  for await (const shout of echo(shouts())) heard.push(shout);
  assert.deepEqual(heard, [
    { text: "HELLO", at: new Date("2015-03-31T00:00:00Z"), count: 2 },
    { text: "AGAIN", at: null, count: 3 },
  ]);
});

test("a bidirectional stream that fails rejects the iteration with a LocalVisionError", async () => {
  await assert.rejects(
    (async () => {
      for await (const _ of echo([{ text: "fail" }, { text: "never" }]));
    })(),
    (e) => e instanceof LocalVisionError && e.code === "FAILED_PRECONDITION" && e.message === "asked to fail",
  );
});
