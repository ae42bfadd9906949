// Runs the real LocalVision server (the built LocalVision.Server.dll, with the sample dataset in a
// temporary store) and finds paths across the partner network through gRPC.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Status } from "../src/client.js";
import { breadthFirstPath, findPathsOnServer, shortestPath } from "../src/paths.js";
import { notBuilt, startServer } from "./running-server.js";

const HACKNEY = "partners/hackney-council";
const MERTON = "partners/merton-council";

describe("shortest path between partners, against the real server", { skip: notBuilt }, () => {
  let client;
  let stop;

  before(async () => {
    ({ client, stop } = await startServer());
  });

  after(() => stop?.());

  test("connects partners in different localities through the Enabler they share", async () => {
    const [hackneyHome, mertonHome] = await Promise.all(
      [HACKNEY, MERTON].map(async (node) => (await client.call(client.graph, "listRelationships", { node, type: "BASED_IN", direction: "DIRECTION_OUTGOING" })).relationships[0].end),
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

  test("the client's own search agrees with FindPaths on the length", async (t) => {
    const own = await breadthFirstPath(client, HACKNEY, MERTON);
    let onServer;
    try {
      onServer = await findPathsOnServer(client, HACKNEY, MERTON);
    } catch (error) {
      if (error.code !== Status.UNIMPLEMENTED) throw error;
      t.skip("the server does not offer NetworkService.FindPaths yet (UNIMPLEMENTED)");
      return;
    }
    assert.equal(onServer.nodes.length, own.nodes.length);
  });

  test("says there is no path between partners whose networks never meet", async () => {
    const path = await shortestPath(client, "partners/plymouth-hwbb", HACKNEY, { maxDepth: 6 });

    assert.equal(path, null);
  });

  test("a partner that does not exist is NOT_FOUND", async () => {
    await assert.rejects(shortestPath(client, HACKNEY, "partners/atlantis"), (error) => error.code === Status.NOT_FOUND);
  });
});
