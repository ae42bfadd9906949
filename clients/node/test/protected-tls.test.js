// The client against a server with TLS (a self-signed certificate) and API keys (protected mode from the first call):
// the certificate must be trusted to connect, the key goes in x-api-key, and a key's roles decide what it may do.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LocalVisionClient, LocalVisionError } from "../src/index.js";
import { noOpenssl, startServer } from "./running-server.js";

describe("TLS and API keys, against the real server", { skip: noOpenssl }, () => {
  let server;
  const others = [];
  const connect = (settings) => {
    const client = new LocalVisionClient({ address: server.address, timeoutMs: 15_000, ...settings });
    others.push(client);
    return client;
  };

  before(async () => {
    server = await startServer({ tls: true, apiKey: true });
  });

  after(() => {
    others.forEach((c) => c.close());
    server?.stop();
  });

  test("an https:// address with the server's certificate as ca, and the admin key, is served", async () => {
    assert.match(server.address, /^https:\/\/localhost:\d+$/);
    const client = connect({ apiKey: server.apiKey, tls: { ca: server.certificate } });
    assert.equal(client.address.tls, true);
    assert.equal((await client.graph.getNode("localities/plymouth")).name, "localities/plymouth");
  });

  test("a certificate the client does not trust, or one for another name, is no connection", async () => {
    const untrusted = await connect({ apiKey: server.apiKey }).graph.getNode("localities/plymouth").catch((e) => e);
    assert.ok(untrusted instanceof LocalVisionError);
    assert.equal(untrusted.code, "UNAVAILABLE");
    const otherName = await connect({ apiKey: server.apiKey, tls: { ca: server.certificate, serverName: "lv.example.org" } }).graph.getNode("localities/plymouth").catch((e) => e);
    assert.equal(otherName.code, "UNAVAILABLE");
  });

  test("plain text to the TLS port is no connection either", async () => {
    const plain = await connect({ address: `127.0.0.1:${server.grpcPort}`, apiKey: server.apiKey }).graph.getNode("localities/plymouth").catch((e) => e);
    assert.equal(plain.code, "UNAVAILABLE");
  });

  test("without a key the call is UNAUTHENTICATED with the server's reason; a wrong key too", async () => {
    const without = await connect({ apiKey: "", tls: { ca: server.certificate } }).graph.getNode("localities/plymouth").catch((e) => e);
    assert.equal(without.code, "UNAUTHENTICATED");
    assert.equal(without.reason, "API_KEY_MISSING");
    assert.match(without.message, /x-api-key/);
    const wrong = await connect({ apiKey: "lvk_000000000000_wrong", tls: { ca: server.certificate } }).graph.getNode("localities/plymouth").catch((e) => e);
    assert.equal(wrong.code, "UNAUTHENTICATED");
    assert.equal(wrong.reason, "API_KEY_INVALID");
  });

  test("access: a reader key made through the client reads but may not write, and is refused once revoked", async () => {
    const admin = connect({ apiKey: server.apiKey, tls: { ca: server.certificate } });
    const { key, secret } = await admin.access.createApiKey({ displayName: "node reader", roles: ["ROLE_READER"] });
    assert.deepEqual(key.roles, ["ROLE_READER"]);
    assert.ok(key.createTime instanceof Date);
    assert.equal(key.revokeTime, null);

    const reader = connect({ apiKey: secret, tls: { ca: server.certificate } });
    assert.equal((await reader.graph.getNode("localities/plymouth")).name, "localities/plymouth");
    const write = await reader.graph.upsertNodes({ nodes: [{ name: "localities/reader-write", label: "Locality", properties: { name: "R", laType: "UNITARY", region: "London", ccgConfig: "SINGLE" } }] }).catch((e) => e);
    assert.equal(write.code, "PERMISSION_DENIED");

    const { entries } = await admin.access.listAuditEntries({ pageSize: 50 });
    assert.ok(entries.length > 0 && entries.every((e) => typeof e.sequence === "number" && e.time instanceof Date));

    const revoked = await admin.access.revokeApiKey({ name: key.name });
    assert.ok(revoked.revokeTime instanceof Date);
    const after = await reader.graph.getNode("localities/plymouth").catch((e) => e);
    assert.equal(after.code, "UNAUTHENTICATED");
  });
});
