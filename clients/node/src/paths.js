// The shortest path between two nodes of the partner network: NetworkService.FindPaths when the server
// offers it, otherwise a breadth-first search of our own over GraphService.GetNeighborhood.
import { Status } from "./client.js";

/** The ties that make the partner network (not evidence, observations or geography). */
export const NETWORK_TIES = ["PARTNER_IN", "ENABLES", "COLLABORATES_WITH", "KNOWN_TO", "WORKS_FOR", "ALIGNED_WITH", "FOLLOWED_BY"];

/**
 * @typedef {{ name: string, label: string, displayName: string }} PathNode
 * @typedef {{ type: string, start: string, end: string }} PathTie
 * @typedef {{ nodes: PathNode[], relationships: PathTie[], method: "FindPaths" | "BFS" }} FoundPath
 */

/**
 * The shortest path from `from` to `to` within `maxDepth` hops, or null when there is none.
 * @returns {Promise<FoundPath | null>}
 */
export async function shortestPath(client, from, to, { maxDepth = 6, relationshipTypes = NETWORK_TIES } = {}) {
  try {
    return await findPathsOnServer(client, from, to, { maxDepth, relationshipTypes });
  } catch (error) {
    if (error.code !== Status.UNIMPLEMENTED) throw error;
    return breadthFirstPath(client, from, to, { maxDepth, relationshipTypes });
  }
}

/** NetworkService.FindPaths; throws the gRPC error (UNIMPLEMENTED on a server without it). */
export async function findPathsOnServer(client, from, to, { maxDepth = 6, relationshipTypes = NETWORK_TIES } = {}) {
  const response = await client.call(client.network, "findPaths", { from, to, maxDepth, k: 1, relationshipTypes });
  const path = response.paths[0];
  if (!path) return null;
  return {
    nodes: path.nodes.map(({ name, label, displayName }) => ({ name, label, displayName: displayName || name })),
    relationships: path.relationships.map(({ type, start, end }) => ({ type, start, end })),
    method: "FindPaths",
  };
}

/**
 * Breadth-first search, one GetNeighborhood (depth 1) call per node reached, level by level, so the first
 * time `to` is reached is by a shortest path. Neighbours are visited in name order: the answer is stable.
 * @returns {Promise<FoundPath | null>}
 */
export async function breadthFirstPath(client, from, to, { maxDepth = 6, relationshipTypes = NETWORK_TIES, concurrency = 8 } = {}) {
  const start = await client.call(client.graph, "getNode", { name: from });
  await client.call(client.graph, "getNode", { name: to }); // NOT_FOUND now, not after a long search.
  /** name → { node, via: tie that reached it, previous: name } */
  const reached = new Map([[from, { node: start, via: null, previous: null }]]);
  let frontier = [from];
  for (let depth = 0; depth < maxDepth && frontier.length > 0 && !reached.has(to); depth++) {
    const next = [];
    for (let i = 0; i < frontier.length; i += concurrency) {
      const batch = frontier.slice(i, i + concurrency);
      const neighbourhoods = await Promise.all(batch.map((name) => neighbours(client, name, relationshipTypes)));
      batch.forEach((name, b) => {
        for (const { node, tie } of neighbourhoods[b]) {
          if (reached.has(node.name)) continue;
          reached.set(node.name, { node, via: tie, previous: name });
          next.push(node.name);
        }
      });
    }
    frontier = next;
  }
  if (!reached.has(to)) return null;
  const nodes = [];
  const relationships = [];
  for (let name = to; name !== null; name = reached.get(name).previous) {
    const step = reached.get(name);
    nodes.unshift({ name, label: step.node.label, displayName: step.node.displayName || name });
    if (step.via) relationships.unshift(step.via);
  }
  return { nodes, relationships, method: "BFS" };
}

/** The nodes one tie away from `name`, each with the tie, in name order. */
async function neighbours(client, name, relationshipTypes) {
  const subgraph = await client.call(client.graph, "getNeighborhood", { name, depth: 1, relationshipTypes, limit: 10000 });
  const byName = new Map(subgraph.nodes.map((n) => [n.name, n]));
  const found = new Map();
  for (const r of subgraph.relationships) {
    if (r.start !== name && r.end !== name) continue; // a tie among the neighbours
    const other = r.start === name ? r.end : r.start;
    if (!found.has(other) && byName.has(other)) found.set(other, { node: byName.get(other), tie: { type: r.type, start: r.start, end: r.end } });
  }
  return [...found.values()].sort((a, b) => a.node.name.localeCompare(b.node.name));
}

/** The path as lines a person can read: each step with the tie's direction. */
export function describePath(path) {
  const lines = [`${path.nodes[0].displayName} (${path.nodes[0].label})`];
  for (let i = 1; i < path.nodes.length; i++) {
    const tie = path.relationships[i - 1];
    const forward = tie.start === path.nodes[i - 1].name;
    const arrow = forward ? `-[${tie.type}]->` : `<-[${tie.type}]-`;
    lines.push(`  ${arrow} ${path.nodes[i].displayName} (${path.nodes[i].label})`);
  }
  return lines;
}
