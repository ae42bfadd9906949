#!/usr/bin/env node
// Prints the shortest path between two partners:
//   lv-path partners/hackney-council partners/merton-council [--server 127.0.0.1:50051] [--api-key KEY] [--max-depth 6]
import { parseArgs } from "node:util";
import { LocalVisionClient } from "./client.js";
import { describePath, displayName, shortestPath } from "./paths.js";

const usage = "usage: lv-path FROM TO [--server ADDRESS] [--api-key KEY] [--max-depth N]   e.g. partners/hackney-council partners/merton-council";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: "string" },
      "api-key": { type: "string" },
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
  let client;
  try {
    // --server and LV_SERVER take the same forms: host:port, http://host:port, https://host:port.
    client = new LocalVisionClient({ address: values.server, apiKey: values["api-key"] });
    const path = await shortestPath(client, from, to, { maxDepth });
    if (!path) {
      const [a, b] = await Promise.all([from, to].map((name) => client.graph.getNode(name)));
      console.log(`${displayName(a)} and ${displayName(b)} are not connected within ${maxDepth} steps.`);
      return 1;
    }
    console.log(`Shortest path, ${path.nodes.length - 1} steps:`);
    for (const line of describePath(path)) console.log(line);
    return 0;
  } catch (error) {
    const violations = error.fieldViolations?.map((v) => ` | ${v.field}: ${v.description}`).join("") ?? "";
    console.error(`error: ${error.code ? `${error.code}: ` : ""}${error.message}${violations}`);
    return 1;
  } finally {
    client?.close();
  }
}

process.exitCode = await main();
