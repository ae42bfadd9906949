// The address forms `lv` takes, taken alike by the Node client (no server needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { LocalVisionClient, LocalVisionError, parseAddress } from "../src/index.js";

test("host:port, http:// and https:// are the forms, and a host alone is on the gRPC port", () => {
  assert.deepEqual(parseAddress("127.0.0.1:50100"), { host: "127.0.0.1", port: 50100, tls: false, target: "127.0.0.1:50100" });
  assert.deepEqual(parseAddress("http://127.0.0.1:50100"), { host: "127.0.0.1", port: 50100, tls: false, target: "127.0.0.1:50100" });
  assert.deepEqual(parseAddress("https://lv.example.org:8443/"), { host: "lv.example.org", port: 8443, tls: true, target: "lv.example.org:8443" });
  assert.equal(parseAddress("lv.example.org").port, 50051);
  assert.equal(parseAddress("https://lv.example.org").port, 50051, "not 443: an address without a port means the gRPC port");
  assert.equal(parseAddress("http://lv.example.org:80").port, 80, "a port written is a port kept, even the scheme's own");
  assert.equal(parseAddress(" [::1]:50100 ").target, "[::1]:50100");
});

test("anything else is refused with the forms that are accepted", () => {
  for (const bad of ["", "ftp://host:1", "http://host:1/v1/nodes", "http://user:pw@host:1", "host:notaport", "http://"]) {
    assert.throws(
      () => parseAddress(bad),
      (error) => error instanceof LocalVisionError && error.code === "INVALID_ARGUMENT" && /write host:port \(127\.0\.0\.1:50051\), http:\/\/host:port, or https:\/\/host:port for TLS/.test(error.message),
      `\`${bad}\` should be refused`,
    );
  }
});

test("https:// means TLS, http:// plain text, and tls: false with https:// is a contradiction", () => {
  const secure = new LocalVisionClient({ address: "https://127.0.0.1:50101" });
  const alsoSecure = new LocalVisionClient({ address: "127.0.0.1:50101", tls: true });
  const plain = new LocalVisionClient({ address: "http://127.0.0.1:50101" });
  try {
    assert.equal(secure.address.tls, true);
    assert.equal(alsoSecure.address.tls, true);
    assert.equal(plain.address.tls, false);
  } finally {
    [secure, alsoSecure, plain].forEach((c) => c.close());
  }
  assert.throws(() => new LocalVisionClient({ address: "https://127.0.0.1:50101", tls: false }), (e) => e.code === "INVALID_ARGUMENT" && /tls is false/.test(e.message));
  assert.throws(() => new LocalVisionClient({ address: "127.0.0.1:50101", tls: { certificate: "x" } }), /unknown tls setting certificate/);
});

test("without an address the client takes LV_SERVER, as lv does", () => {
  const saved = process.env.LV_SERVER;
  process.env.LV_SERVER = "https://127.0.0.1:50102";
  try {
    const client = new LocalVisionClient();
    assert.deepEqual(client.address, { host: "127.0.0.1", port: 50102, tls: true, target: "127.0.0.1:50102" });
    client.close();
  } finally {
    if (saved === undefined) delete process.env.LV_SERVER;
    else process.env.LV_SERVER = saved;
  }
});

test("a closed client refuses new calls with a LocalVisionError, for every kind of call", async () => {
  const client = new LocalVisionClient({ address: "127.0.0.1:50103" });
  client.close();
  const isClosed = (e) => e instanceof LocalVisionError && e.code === "FAILED_PRECONDITION" && e.local && /is closed/.test(e.message);
  await assert.rejects(client.graph.getNode("localities/plymouth"), isClosed);
  await assert.rejects(client.graph.importGraph([{ nodes: [] }]), isClosed);
  await assert.rejects(client.graph.exportGraph().next(), isClosed);
});
