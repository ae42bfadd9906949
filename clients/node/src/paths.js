// The shortest path between two nodes of the partner network, with NetworkService.FindPaths.

/** The ties that make the partner network (not evidence, observations or geography). */
export const NETWORK_TIES = ["PARTNER_IN", "ENABLES", "COLLABORATES_WITH", "KNOWN_TO", "WORKS_FOR", "ALIGNED_WITH", "FOLLOWED_BY"];

/**
 * @typedef {{ name: string, label: string, displayName: string }} PathNode
 * @typedef {{ type: string, start: string, end: string }} PathTie
 * @typedef {{ nodes: PathNode[], relationships: PathTie[] }} FoundPath
 */

/**
 * The shortest path from `from` to `to` within `maxDepth` hops, or null when there is none.
 * @param {import("./client.js").LocalVisionClient} client
 * @returns {Promise<FoundPath | null>}
 */
export async function shortestPath(client, from, to, { maxDepth = 6, relationshipTypes = NETWORK_TIES } = {}) {
  const { paths } = await client.network.findPaths({ from, to, maxDepth, k: 1, relationshipTypes });
  const path = paths[0];
  if (!path) return null;
  return {
    nodes: path.nodes.map(({ name, label, displayName }) => ({ name, label, displayName: displayName || name })),
    relationships: path.relationships.map(({ type, start, end }) => ({ type, start, end })),
  };
}

/** A node's human-readable name: displayName, else its `name` property, else its resource name. */
export function displayName(node) {
  return node.displayName || (typeof node.properties?.name === "string" ? node.properties.name : "") || node.name;
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
