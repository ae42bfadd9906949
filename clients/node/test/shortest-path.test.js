// Runs the real LocalVision server (the built LocalVision.Server.dll, with the sample dataset in a temporary store) and
// finds paths across the partner network with NetworkService.FindPaths, as `lv-path` does.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { shortestPath } from "../src/paths.js";
import { notBuilt, startServer } from "./running-server.js";

const HACKNEY = "partners/hackney-council";
const MERTON = "partners/merton-council";
const lvPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/shortest-path.js");

describe("shortest path between partners, against the real server", { skip: notBuilt }, () => {
  let client;
  let server;

  before(async () => {
    server = await startServer();
    client = server.client;
  });

  after(() => server?.stop());

  test("connects partners in different localities through the Enabler they share", async () => {
    const [hackneyHome, mertonHome] = await Promise.all(
      [HACKNEY, MERTON].map(async (node) => (await client.graph.listRelationships({ node, type: "BASED_IN", direction: "DIRECTION_OUTGOING" })).relationships[0].end),
    );
    assert.notEqual(hackneyHome, mertonHome);

    const path = await shortestPath(client, HACKNEY, MERTON);

    assert.ok(path, "expected a path");
    assert.deepEqual(
      path.nodes.map((n) => n.name),
      [HACKNEY, "initiatives/hackney-local-vision", "enablers/fir", "initiatives/merton-local-vision", MERTON],
    );
    path.relationships.forEach((tie, i) => {
      const ends = [tie.start, tie.end].sort();
      assert.deepEqual(ends, [path.nodes[i].name, path.nodes[i + 1].name].sort(), `tie ${i} joins steps ${i} and ${i + 1}`);
    });
  });

  test("says there is no path between partners whose networks never meet", async () => {
    const path = await shortestPath(client, "partners/plymouth-hwbb", HACKNEY, { maxDepth: 6 });

    assert.equal(path, null);
  });

  test("a partner that does not exist is NOT_FOUND", async () => {
    await assert.rejects(shortestPath(client, HACKNEY, "partners/atlantis"), (error) => error.code === "NOT_FOUND");
  });

  test("lv-path prints the path, taking the server as LV_SERVER in any of its forms", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [lvPath, HACKNEY, MERTON], { env: { ...process.env, LV_SERVER: server.address } });
    assert.equal(
      stdout,
      [
        "Shortest path, 4 steps:",
        "London Borough of Hackney (Partner)",
        "  -[PARTNER_IN]-> Hackney Local Vision project (Initiative)",
        "  <-[ENABLES]- Enabler Fir (Enabler)",
        "  -[ENABLES]-> Merton Local Vision project (Initiative)",
        "  <-[PARTNER_IN]- London Borough of Merton (Partner)",
        "",
      ].join("\n"),
    );
  });
});
