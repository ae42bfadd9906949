// Every service of the contract through LocalVisionClient, against the real server with the sample dataset: a test per
// service, per stream kind (server stream, client stream; the contract has no bidirectional stream), errors with
// their decoded details, cancelling and deadlines, the web port, and the address forms.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contract } from "../src/contract.js";
import { LocalVisionClient, LocalVisionError } from "../src/index.js";
import { notBuilt, startServer } from "./running-server.js";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("LocalVisionClient against the real server", { skip: notBuilt }, () => {
  let server;
  let client;

  before(async () => {
    server = await startServer();
    client = server.client;
  });

  after(() => server?.stop());

  test("every RPC of every service in proto/ is a method, under the service's short name", () => {
    for (const service of contract().services) {
      assert.equal(client[service.property], client.services[service.property]);
      for (const method of service.methods) assert.equal(typeof client[service.property][method.property], "function", `${service.name}.${method.name}`);
    }
    assert.deepEqual(Object.keys(client.services).sort(), ["access", "admin", "evaluation", "graph", "insight", "network", "theory"]);
  });

  test("graph: a node by name, with its properties a plain object and its times Dates", async () => {
    const node = await client.graph.getNode("localities/plymouth");
    assert.equal(node.name, "localities/plymouth");
    assert.equal(node.label, "Locality");
    assert.equal(node.properties.name, "Plymouth");
    assert.equal(typeof node.properties.indicators.population.value, "number");
    assert.ok(node.createTime instanceof Date && !Number.isNaN(node.createTime.getTime()));

    const { nodes, totalSize } = await client.graph.listNodes("Locality", "", 2);
    assert.equal(nodes.length, 2);
    assert.equal(typeof totalSize, "number");
    const { relationships } = await client.graph.listRelationships({ node: "partners/hackney-council", type: "BASED_IN", direction: "OUTGOING" });
    assert.deepEqual(relationships.map((r) => r.start), ["partners/hackney-council"]);
  });

  test("graph: a write takes plain properties and a Date, and says what it did in numbers", async () => {
    const name = "localities/node-client-upsert";
    const properties = { name: "Node client test", laType: "UNITARY", region: "South West", ccgConfig: "SINGLE", surveyed: new Date("2015-03-31T00:00:00Z") };
    const dry = await client.graph.upsertNodes({ nodes: [{ name, label: "Locality", properties }], onConflict: "FAIL", dryRun: true });
    assert.deepEqual(dry.counts, { created: 1, replaced: 0, merged: 0, unchanged: 0 });
    await assert.rejects(client.graph.getNode(name), (e) => e instanceof LocalVisionError && e.code === "NOT_FOUND", "a dry run writes nothing");

    const written = await client.graph.upsertNodes({ nodes: [{ name, label: "Locality", properties }], onConflict: "FAIL" });
    assert.deepEqual(written.counts, { created: 1, replaced: 0, merged: 0, unchanged: 0 });
    assert.equal(written.nodes[0].properties.surveyed, "2015-03-31T00:00:00.000Z", "a Date property is sent as its ISO string");

    const merged = await client.graph.upsertNodes({ nodes: [{ name, label: "Locality", properties: { region: "London" } }], onConflict: "MERGE" });
    assert.deepEqual(merged.counts, { created: 0, replaced: 0, merged: 1, unchanged: 0 });
    assert.equal(merged.nodes[0].properties.name, "Node client test", "MERGE keeps the properties not given");

    const refused = await client.graph.upsertNodes({ nodes: [{ name, label: "Locality", properties }], onConflict: "FAIL" }).catch((e) => e);
    assert.equal(refused.code, "FAILED_PRECONDITION");
    assert.ok(refused.preconditionViolations.some((v) => v.type === "NODE_EXISTS" && v.description.includes(name)), JSON.stringify(refused.preconditionViolations));

    const deleted = await client.graph.deleteNode(name);
    assert.equal(deleted.relationshipsDeleted, 0);
  });

  test("graph, server stream: exportGraph is an async iterable of batches whose nodes add up to what it announced", async () => {
    let expected = null;
    let nodes = 0;
    let batches = 0;
    for await (const batch of client.graph.exportGraph({ batchSize: 100 })) {
      if (batches++ === 0) expected = batch.expectedNodes;
      nodes += batch.nodes.length;
      for (const node of batch.nodes) assert.equal(typeof node.properties, "object");
    }
    assert.equal(typeof expected, "number");
    assert.ok(expected > 100, `${expected} nodes announced`);
    assert.equal(nodes, expected);
    assert.ok(batches > 1);
  });

  test("graph, client stream: importGraph takes an async iterable of batches and counts what it wrote", async () => {
    async function* batches() {
      yield { onConflict: "FAIL", nodes: [{ name: "localities/node-import-a", label: "Locality", properties: { name: "A", laType: "UNITARY", region: "London", ccgConfig: "SINGLE" } }] };
      yield { nodes: [{ name: "localities/node-import-b", label: "Locality", properties: { name: "B", laType: "UNITARY", region: "London", ccgConfig: "SINGLE" } }] };
    }
    const imported = await client.graph.importGraph(batches());
    assert.equal(imported.batches, 2);
    assert.equal(imported.nodesWritten, 2);
    assert.deepEqual(imported.counts, { created: 2, replaced: 0, merged: 0, unchanged: 0 });
    assert.equal((await client.graph.getNode("localities/node-import-b")).properties.name, "B");

    const again = await client.graph.importGraph([{ onConflict: "FAIL", nodes: [{ name: "localities/node-import-a", label: "Locality", properties: { name: "A2", laType: "UNITARY", region: "London", ccgConfig: "SINGLE" } }] }]).catch((e) => e);
    assert.ok(again instanceof LocalVisionError, "an existing name under FAIL is refused");
    assert.equal(again.code, "FAILED_PRECONDITION");
  });

  test("graph, client stream: a batch the client cannot send ends the import with that batch's violations", async () => {
    const sent = [];
    function* batches() {
      sent.push(0);
      yield { nodes: [] };
      sent.push(1);
      yield { nodes: [{ name: "localities/never", label: "Locality", propertes: {} }] };
      sent.push(2);
    }
    const error = await client.graph.importGraph(batches()).catch((e) => e);
    assert.equal(error.code, "INVALID_ARGUMENT");
    assert.ok(error.local);
    assert.match(error.message, /message 1 of the importGraph stream/);
    assert.equal(error.fieldViolations[0].field, "nodes[0].propertes");
    assert.match(error.fieldViolations[0].description, /did you mean `properties`/);
    assert.deepEqual(sent, [0, 1], "nothing is read from the iterable after the bad batch");
  });

  test("evaluation: codes, one initiative as of a yyyy-MM-dd date, and a stream of evaluations", async () => {
    const { codes } = await client.evaluation.listCodes();
    assert.ok(codes.some((c) => c.code === "FOCUSED_PROBLEM" && c.kind === "CODE_KIND_CONTEXT"));

    const evaluation = await client.evaluation.evaluateInitiative("initiatives/hackney-local-vision", "2015-03-31");
    assert.equal(evaluation.initiative, "initiatives/hackney-local-vision");
    assert.deepEqual(evaluation.asOf, new Date("2015-03-31T00:00:00Z"));
    assert.ok(Array.isArray(evaluation.findings));

    const initiatives = [];
    for await (const e of client.evaluation.streamEvaluations({ asOf: "2015-03-31" })) initiatives.push(e.initiative);
    assert.ok(initiatives.includes("initiatives/hackney-local-vision"), initiatives.join(", "));
  });

  test("insight: calibration of raw values into fuzzy memberships", async () => {
    const calibrated = await client.insight.calibrate({ values: [1, 2, 3, 4], method: "DIRECT", thresholds: [1, 2.5, 4] });
    assert.equal(calibrated.memberships.length, 4);
    assert.ok(calibrated.memberships.every((m, i, all) => m >= 0 && m <= 1 && (i === 0 || m > all[i - 1])), String(calibrated.memberships));
    assert.ok(Math.abs(calibrated.memberships[1] + calibrated.memberships[2] - 1) < 1e-9, "symmetric thresholds give symmetric memberships");
  });

  test("network: paths, metrics as of a date, and centrality as a server stream", async () => {
    const { paths } = await client.network.findPaths("partners/hackney-council", "partners/merton-council");
    assert.equal(paths[0].nodes.at(-1).name, "partners/merton-council");
    const { metrics } = await client.network.getNetworkMetrics({ asOf: "2015-01-01" });
    assert.equal(typeof metrics.nodes, "number");
    assert.equal(typeof metrics.edges, "number", "an int64 count is a number");
    const scores = [];
    for await (const score of client.network.computeCentrality({ algorithm: "DEGREE", top: 5 })) scores.push(score);
    assert.equal(scores.length, 5);
    assert.deepEqual(scores.map((s) => s.rank), [1, 2, 3, 4, 5]);
  });

  test("network: communities in pages of three names join to the one-page answer", async () => {
    const request = { algorithm: "WCC", labels: ["Partner", "Initiative", "Enabler"] };
    const whole = await client.network.detectCommunities({ ...request, pageSize: 100000 });
    assert.equal(whole.nextPageToken, "");
    assert.ok(whole.communities.some((c) => c.size > 3), "a community larger than a page");
    const joined = [];
    let pageToken = "";
    let pages = 0;
    do {
      const page = await client.network.detectCommunities({ ...request, pageSize: 3, pageToken });
      assert.equal(page.communityCount, whole.communityCount);
      for (const part of page.communities) {
        const last = joined.at(-1);
        if (last?.id === part.id) {
          assert.equal(part.firstMemberIndex, last.members.length);
          last.members.push(...part.members);
        } else {
          joined.push({ ...part, members: [...part.members] });
        }
      }
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken !== "" && pages < 1000);
    assert.ok(pages > 1);
    assert.deepEqual(joined, whole.communities);
  });

  test("theory: the current programme theory and its versions", async () => {
    const theory = await client.theory.getTheory();
    assert.match(theory.yaml, /rules:/);
    const { versions } = await client.theory.listTheoryVersions();
    assert.ok(versions.some((v) => v.version === theory.version));
  });

  test("access: keys and audit usage (the service is open on loopback without keys)", async () => {
    const { keys } = await client.access.listApiKeys();
    assert.deepEqual(keys, []);
    const { days } = await client.access.getAuditUsage();
    assert.ok(Array.isArray(days));
  });

  test("admin: a backup of the store, and a restore of it", async () => {
    const backup = await client.admin.backupStore("node-client.db");
    assert.equal(backup.fileName, "node-client.db");
    assert.ok(backup.sizeBytes > 0 && typeof backup.sizeBytes === "number");
    assert.ok(backup.createTime instanceof Date);
    const restored = await client.admin.restoreStore({ fileName: "node-client.db" });
    assert.equal(restored.nodes, backup.nodes);
  });

  test("an invalid request is a LocalVisionError with the server's field violations, did-you-mean included", async () => {
    const error = await client.graph.getNeighborhood({ name: "localities/plymouth", labels: ["Partnr"] }).catch((e) => e);
    assert.ok(error instanceof LocalVisionError);
    assert.equal(error.code, "INVALID_ARGUMENT");
    assert.equal(error.grpcCode, 3);
    assert.equal(error.local, false);
    assert.equal(error.method, "/localvision.v1.GraphService/GetNeighborhood");
    assert.equal(error.fieldViolations[0].field, "labels[0]");
    assert.match(error.fieldViolations[0].description, /did you mean `Partner`\?/);

    const missing = await client.graph.getNode("partners/atlantis").catch((e) => e);
    assert.equal(missing.code, "NOT_FOUND");
    assert.equal(missing.grpcCode, 5);
  });

  test("a server stream that fails rejects the iteration with a LocalVisionError", async () => {
    const stream = client.network.computeCentrality({ algorithm: "UNSPECIFIED" });
    await assert.rejects(
      (async () => {
        for await (const _ of stream) assert.fail("no score for an unspecified algorithm");
      })(),
      (e) => e instanceof LocalVisionError && e.code === "INVALID_ARGUMENT" && e.fieldViolations[0].field === "algorithm",
    );

    const refusedByClient = client.graph.exportGraph({ lables: ["Locality"] }); // made without a throw ...
    await assert.rejects(
      (async () => {
        for await (const _ of refusedByClient) assert.fail("nothing for a misspelt request");
      })(),
      (e) => e instanceof LocalVisionError && e.local && e.fieldViolations[0].field === "lables", // ... refused on reading
    );
  });

  test("no failure of a stream becomes an unhandled 'error' event: the Node process lives on", () => {
    const child = spawnSync(process.execPath, [path.join(here, "fixtures/failing-streams.js"), server.address], { encoding: "utf8", timeout: 60_000 });
    assert.equal(child.status, 0, `exit ${child.status}\n${child.stdout}\n${child.stderr}`);
    assert.match(child.stdout, /server stream: INVALID_ARGUMENT/);
    assert.match(child.stdout, /client stream: INVALID_ARGUMENT/);
    assert.match(child.stdout, /unread stream: nothing happened/);
    assert.match(child.stdout, /closed channel: /, "a stream whose channel closed under it ends, one way or the other");
    assert.doesNotMatch(child.stderr, /Unhandled|uncaught/i);
  });

  test("an AbortSignal cancels a unary call and a stream mid-way, as CANCELLED", async () => {
    const already = AbortSignal.abort(new Error("not wanted"));
    const before = await client.graph.getNode("localities/plymouth", { signal: already }).catch((e) => e);
    assert.equal(before.code, "CANCELLED");
    assert.ok(before.local);

    const controller = new AbortController();
    let batches = 0;
    const midway = await (async () => {
      for await (const _ of client.graph.exportGraph({ batchSize: 1 }, { signal: controller.signal })) {
        batches++;
        controller.abort();
      }
    })().catch((e) => e);
    assert.ok(midway instanceof LocalVisionError, `iteration ended with ${midway}`);
    assert.equal(midway.code, "CANCELLED");
    assert.equal(batches, 1);
    assert.equal((await client.graph.getNode("localities/plymouth")).name, "localities/plymouth", "the channel serves on");
  });

  test("a deadline that has passed ends a call as DEADLINE_EXCEEDED; deadline and timeoutMs are both taken", async () => {
    const passed = await client.graph.getNode("localities/plymouth", { deadline: new Date(Date.now() - 1_000) }).catch((e) => e);
    assert.equal(passed.code, "DEADLINE_EXCEEDED");
    const stream = await (async () => {
      for await (const _ of client.graph.exportGraph({}, { deadline: Date.now() - 1_000 })) assert.fail("nothing within a passed deadline");
    })().catch((e) => e);
    assert.equal(stream.code, "DEADLINE_EXCEEDED");
    const bad = await client.graph.getNode("localities/plymouth", { timeoutMs: -5 }).catch((e) => e);
    assert.equal(bad.code, "INVALID_ARGUMENT");
    assert.ok((await client.graph.getNode("localities/plymouth", { timeoutMs: 60_000, deadline: Date.now() + 60_000 })).name);
  });

  test("host:port, http://host:port and localhost reach the gRPC port", async () => {
    for (const address of [`127.0.0.1:${server.grpcPort}`, `http://127.0.0.1:${server.grpcPort}`, `localhost:${server.grpcPort}`]) {
      const other = new LocalVisionClient({ address });
      try {
        assert.equal((await other.graph.getNode("localities/plymouth")).name, "localities/plymouth", address);
      } finally {
        other.close();
      }
    }
  });

  test("the web port is named as such, not left as a bare UNAVAILABLE", async () => {
    const web = new LocalVisionClient({ address: `127.0.0.1:${server.webPort}` });
    try {
      const error = await web.graph.getNode("localities/plymouth").catch((e) => e);
      assert.ok(error instanceof LocalVisionError);
      assert.equal(error.reason, "WEB_PORT");
      assert.match(error.message, /that address is the server's web port .* not its gRPC port/);
    } finally {
      web.close();
    }
  });
});
