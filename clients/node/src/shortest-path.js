#!/usr/bin/env node
// Prints the shortest path between two partners:
//   node src/shortest-path.js partners/hackney-council partners/merton-council [--server 127.0.0.1:50051] [--max-depth 6]
import { parseArgs } from "node:util";
import { connect, displayName } from "./client.js";
import { describePath, shortestPath } from "./paths.js";

const usage = "usage: shortest-path FROM TO [--server HOST:PORT] [--max-depth N]   e.g. partners/hackney-council partners/merton-council";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: "string", default: process.env.LV_SERVER?.replace(/^https?:\/\//, "") ?? "127.0.0.1:50051" },
      "max-depth": { type: "string", default: "6" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 2) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const [from, to] = positionals;
  const maxDepth = Number(values["max-depth"]);
  const client = connect(values.server);
  try {
    const path = await shortestPath(client, from, to, { maxDepth });
    if (!path) {
      const [a, b] = await Promise.all([from, to].map((name) => client.call(client.graph, "getNode", { name })));
      console.log(`${displayName(a)} and ${displayName(b)} are not connected within ${maxDepth} steps.`);
      return 1;
    }
    const how = path.method === "FindPaths" ? "NetworkService.FindPaths" : "breadth-first search over GraphService.GetNeighborhood (the server has no FindPaths yet)";
    console.log(`Shortest path, ${path.nodes.length - 1} steps, found by ${how}:`);
    for (const line of describePath(path)) console.log(line);
    return 0;
  } catch (error) {
    console.error(`error: ${error.details ?? error.message}${error.code !== undefined ? ` (gRPC status ${error.code})` : ""}`);
    return 1;
  } finally {
    client.close();
  }
}

process.exitCode = await main();
