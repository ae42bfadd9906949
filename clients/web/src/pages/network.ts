import cytoscape from "cytoscape";
import type { Core, ElementDefinition } from "cytoscape";
import { displayName, exportGraph, getJson, getNeighborhood, getNode, listNodes, listRelationships, postJson, postStream, text } from "../api";
import type { GraphNode, Relationship, Subgraph } from "../api";
import { append, el, failure, loading, pretty, problem, replace } from "../ui";

declare global {
  interface Window {
    /** The network view's cytoscape instance, for the browser tests. */
    localVisionNetwork?: Core;
  }
}

const NETWORK_TYPES = ["BASED_IN", "IN_LOCALITY", "PARTNER_IN", "ENABLES", "COLLABORATES_WITH"];
const LABELS = ["Partner", "Initiative", "Enabler", "Locality"];

export const KIND_COLOURS: Record<string, string> = {
  LOCAL_AUTHORITY: "#1f6fb4",
  CCG: "#2e9e44",
  PUBLIC_HEALTH: "#14a7b8",
  HWBB: "#8756c2",
  NHS_PROVIDER: "#8c564b",
  VOLUNTARY: "#f08a1c",
  COMMUNITY: "#dd5fb4",
  POLICE: "#2f3a7a",
  ACADEMIC: "#a5a81c",
  BUSINESS: "#6f6f6f",
  NATIONAL_BODY: "#d43b3b",
  OTHER: "#a9a9a9",
};

const KIND_NAMES: Record<string, string> = {
  LOCAL_AUTHORITY: "Local authority",
  CCG: "Clinical commissioning group",
  PUBLIC_HEALTH: "Public health",
  HWBB: "Health and Wellbeing Board",
  NHS_PROVIDER: "NHS provider",
  VOLUNTARY: "Voluntary sector",
  COMMUNITY: "Community group",
  POLICE: "Police",
  ACADEMIC: "University",
  BUSINESS: "Business",
  NATIONAL_BODY: "National body",
  OTHER: "Other",
};

const LABEL_PLURALS: Record<string, string> = { Partner: "Partners", Initiative: "Initiatives", Enabler: "Enablers", Locality: "Localities" };

const kindName = (kind: string) => KIND_NAMES[kind] ?? pretty(kind);

const TIE_WORDS: Record<string, [outgoing: string, incoming: string]> = {
  BASED_IN: ["based in", "home to"],
  IN_LOCALITY: ["in", "home to"],
  PARTNER_IN: ["partner in", "has partner"],
  ENABLES: ["Enabler of", "enabled by"],
  COLLABORATES_WITH: ["collaborates with", "collaborates with"],
  WORKS_FOR: ["works for", "employs"],
  KNOWN_TO: ["known to", "knew the Enabler"],
  ALIGNED_WITH: ["ran beside", "ran beside"],
  FOLLOWED_BY: ["followed by", "follows"],
  ACHIEVED: ["achieved", "achieved by"],
  ABOUT: ["about", "evidence"],
  OBSERVED: ["observed", "observation of"],
};

/** What a circle's size shows: ties drawn in this view, or a centrality the network service computes. */
const SIZE_MEASURES: Record<string, string> = {
  BETWEENNESS: "Betweenness (who lies on the paths between others)",
  BROKERAGE: "Brokerage (who links organisations of different kinds)",
  PAGERANK: "PageRank (tied to the well tied)",
  DEGREE: "Ties in the whole network",
  VIEW: "Ties in this view",
};

interface Filters {
  locality: string;
  labels: Set<string>;
  kind: string;
  asAt: string;
}

/** Each node's share of the largest score, 0 to 1; nodes without a score are absent. */
type Sizes = Map<string, number>;

interface CentralityScore {
  name: string;
  score?: number;
}

interface NetworkMetrics {
  nodes?: number;
  edges?: string | number;
  components?: number;
}

interface RemovalAnswer {
  before?: NetworkMetrics;
  after?: NetworkMetrics;
  disconnected?: string[];
}

export async function renderNetwork(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const localitySelect = el("select", { id: "network-locality", "aria-label": "Locality" }, el("option", { value: "" }, "All localities"));
  const kindSelect = el("select", { id: "network-kind", "aria-label": "Partner kind" }, el("option", { value: "" }, "All kinds"));
  const asAt = el("input", { id: "network-as-at", type: "date", "aria-label": "Ties as at" });
  const sizeSelect = el(
    "select",
    { id: "network-size", "aria-label": "Size by" },
    ...Object.entries(SIZE_MEASURES).map(([value, label]) => el("option", { value }, label)),
  );
  const labelBoxes = LABELS.map((label) =>
    el("input", { type: "checkbox", value: label, checked: label !== "Locality", "data-label": label }),
  );
  const summary = el("p", { class: "summary", id: "network-summary" });
  const canvas = el("div", { class: "network-canvas", id: "network", "data-testid": "network-canvas" });
  const details = el("aside", { class: "details", id: "network-details" }, el("p", { class: "hint" }, "Click an organisation, project or Enabler to see its ties and initiatives."));
  const legend = el("div", { class: "legend", id: "network-legend" });
  const fromSelect = el("select", { id: "path-from", "aria-label": "From partner" }, el("option", { value: "" }, "Choose a partner…"));
  const toSelect = el("select", { id: "path-to", "aria-label": "To partner" }, el("option", { value: "" }, "Choose a partner…"));
  const pathResult = el("div", { class: "path-result", id: "path-result", "aria-live": "polite" });

  replace(
    root,
    el("h1", {}, "Partner network"),
    el("p", { class: "lead" }, "Who works with whom: organisations, the Local Vision projects and other programmes they take part in, and the Enablers who facilitated them."),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Locality ", localitySelect),
      el("fieldset", {}, el("legend", {}, "Show"), ...labelBoxes.map((box) => el("label", {}, box, ` ${LABEL_PLURALS[box.value]}`))),
      el("label", {}, "Partner kind ", kindSelect),
      el("label", {}, "Ties as at ", asAt),
      el("label", {}, "Size by ", sizeSelect),
    ),
    summary,
    el("div", { class: "network-layout" }, canvas, details),
    legend,
    el(
      "section",
      { class: "paths" },
      el("h2", {}, "How are two partners connected?"),
      el("div", { class: "controls" }, el("label", {}, "From ", fromSelect), el("label", {}, "To ", toSelect), el("button", { id: "path-find", type: "button", onclick: () => void findPath() }, "Find the shortest path")),
      pathResult,
    ),
  );

  let localities: GraphNode[];
  let partners: GraphNode[];
  try {
    [localities, partners] = await Promise.all([listNodes("Locality"), listNodes("Partner")]);
  } catch (error) {
    replace(summary, problem(error));
    return;
  }
  const byName = (a: GraphNode, b: GraphNode) => displayName(a).localeCompare(displayName(b));
  append(localitySelect, ...localities.sort(byName).map((l) => el("option", { value: l.name }, displayName(l))));
  append(fromSelect, ...partners.sort(byName).map((p) => el("option", { value: p.name }, displayName(p))));
  append(toSelect, ...partners.map((p) => el("option", { value: p.name }, displayName(p))));
  const kinds = [...new Set(partners.map((p) => text(p.properties, "kind")))].filter(Boolean).sort();
  append(kindSelect, ...kinds.map((k) => el("option", { value: k }, kindName(k))));
  localitySelect.value = params.get("locality") ?? localities[0]?.name ?? "";
  sizeSelect.value = params.get("size") && SIZE_MEASURES[params.get("size")!] ? params.get("size")! : "BETWEENNESS";
  fromSelect.value = params.get("from") ?? "";
  toSelect.value = params.get("to") ?? "";

  const known = new Map<string, GraphNode>([...localities, ...partners].map((n) => [n.name, n]));
  let graph: Subgraph = {};
  let cy: Core | undefined;
  const centralities = new Map<string, Promise<Sizes>>();

  /** The chosen centrality over the whole partner network (as at the chosen date), fetched once per choice. */
  function centrality(measure: string, date: string): Promise<Sizes> {
    const key = `${measure}@${date}`;
    let sizes = centralities.get(key);
    if (!sizes) {
      sizes = postStream<CentralityScore>("/v1/centrality:compute", {
        algorithm: `CENTRALITY_ALGORITHM_${measure}`,
        labels: LABELS,
        relationshipTypes: NETWORK_TYPES,
        top: 10000,
        ...(date ? { asOf: `${date}T00:00:00Z` } : {}),
      }).then((scores) => {
        const largest = Math.max(0, ...scores.map((s) => s.score ?? 0));
        return new Map(scores.map((s) => [s.name, largest > 0 ? (s.score ?? 0) / largest : 0]));
      });
      sizes.catch(() => centralities.delete(key));
      centralities.set(key, sizes);
    }
    return sizes;
  }

  const filters = (): Filters => ({
    locality: localitySelect.value,
    labels: new Set(labelBoxes.filter((b) => b.checked).map((b) => b.value)),
    kind: kindSelect.value,
    asAt: asAt.value,
  });

  async function load(): Promise<void> {
    replace(summary, loading("the network"));
    try {
      const locality = localitySelect.value;
      graph = locality
        ? await getNeighborhood(locality, { depth: 2, labels: LABELS, relationshipTypes: NETWORK_TYPES, limit: 5000 })
        : await exportGraph(LABELS);
      for (const node of graph.nodes ?? []) known.set(node.name, node);
      await draw();
    } catch (error) {
      replace(summary, problem(error));
    }
  }

  let drawing = 0;

  async function draw(): Promise<void> {
    const turn = ++drawing;
    const f = filters();
    const measure = sizeSelect.value;
    let sizes: Sizes | undefined;
    if (measure !== "VIEW") {
      try {
        sizes = await centrality(measure, f.asAt);
      } catch (error) {
        replace(summary, problem(error));
        return;
      }
    }
    if (turn !== drawing) {
      return; // A later choice is being drawn; this one is stale.
    }
    const elements = toElements(graph, f, sizes);
    cy?.destroy();
    cy = cytoscape({
      container: canvas,
      elements,
      style: networkStyle(),
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 120, nodeOverlap: 40, componentSpacing: 120, padding: 30 },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    window.localVisionNetwork = cy;
    cy.on("tap", "node", (event) => void showDetails(event.target.id()));
    const counts = new Map<string, number>();
    cy.nodes().forEach((n) => {
      counts.set(n.data("kindOf"), (counts.get(n.data("kindOf")) ?? 0) + 1);
    });
    const place = f.locality ? displayName(known.get(f.locality)) : "All localities";
    const parts = ["Partner", "Initiative", "Enabler", "Locality"]
      .filter((l) => counts.get(l))
      .map((l) => `${counts.get(l)} ${l === "Partner" ? "organisation" : l.toLowerCase()}${counts.get(l) === 1 ? "" : "s"}`);
    replace(summary, `${place}: ${parts.join(", ") || "nothing to show"}; ${cy.edges().length} ties${graph.truncated ? " (cut short by the server's limit)" : ""}.`);
    drawLegend(cy, measure);
  }

  function drawLegend(view: Core, measure: string): void {
    const present = new Set(view.nodes("[kindOf = 'Partner']").map((n) => n.data("kind") as string));
    replace(
      legend,
      ...[...present].sort().map((kind) => el("span", { class: "chip" }, el("span", { class: "swatch", style: `background:${KIND_COLOURS[kind] ?? KIND_COLOURS.OTHER}` }), kindName(kind))),
      el("span", { class: "chip" }, el("span", { class: "swatch initiative" }), "Project or programme"),
      el("span", { class: "chip" }, el("span", { class: "swatch enabler" }), "Enabler"),
      el("span", { class: "chip" }, el("span", { class: "swatch locality" }), "Locality"),
      el("span", { class: "chip muted", id: "network-size-note" }, `Bigger circles: more ${measure === "VIEW" ? "ties in this view" : SIZE_MEASURES[measure].split(" (")[0].toLowerCase()}`),
    );
  }

  async function nameOf(name: string): Promise<string> {
    if (!known.has(name)) {
      try {
        known.set(name, await getNode(name));
      } catch {
        return name;
      }
    }
    return displayName(known.get(name), name);
  }

  async function showDetails(name: string): Promise<void> {
    const node = known.get(name);
    replace(details, el("h2", {}, displayName(node, name)), loading("its ties"));
    try {
      const ties = await listRelationships(name);
      const rows = await Promise.all(
        ties
          .filter((t) => !["OBSERVED", "ABOUT", "ACHIEVED", "SUPPORTS", "WORKS_FOR"].includes(t.type))
          .map(async (t) => describeTie(t, name, await nameOf(t.start === name ? t.end : t.start))),
      );
      const initiatives = ties.filter((t) => t.type === "PARTNER_IN" || t.type === "ENABLES").map((t) => (t.start === name ? t.end : t.start));
      const kind = text(node?.properties, "kind");
      replace(
        details,
        el("h2", {}, displayName(node, name)),
        el("p", { class: "muted" }, [node?.label, kind && (node?.label === "Partner" ? kindName(kind) : pretty(kind))].filter(Boolean).join(" · ")),
        node?.label === "Initiative" ? el("p", {}, el("a", { href: `#/initiatives?name=${encodeURIComponent(name)}` }, "See its observations and evidence →")) : null,
        el("h3", {}, node?.label === "Initiative" ? "Partners and Enablers" : "Initiatives"),
        initiatives.length
          ? el("ul", { class: "ties", id: "details-initiatives" }, ...(await Promise.all(initiatives.map(async (i) => el("li", {}, await nameOf(i))))))
          : el("p", { class: "muted" }, "None recorded."),
        el("h3", {}, "All ties"),
        rows.length ? el("ul", { class: "ties", id: "details-ties" }, ...rows) : el("p", { class: "muted" }, "None recorded."),
        el("h3", {}, "What if it left?"),
        el("button", { id: "what-if", type: "button", onclick: () => void whatIf(name) }, `Take ${displayName(node, name)} out of the network`),
        el("div", { id: "what-if-result", "aria-live": "polite" }),
      );
      cy?.elements().removeClass("selected");
      cy?.$id(name).addClass("selected");
    } catch (error) {
      append(details, problem(error));
    }
  }

  /** The whole partner network without one node: who would be cut off (an Enabler's exit, a partner pulling out). */
  async function whatIf(name: string): Promise<void> {
    const result = document.getElementById("what-if-result");
    if (!result) return;
    replace(result, loading("the network without it"));
    const date = asAt.value;
    try {
      const answer = await postJson<RemovalAnswer>("/v1/networkMetrics:simulateRemoval", {
        remove: name,
        labels: LABELS.filter((l) => l !== "Locality"),
        relationshipTypes: NETWORK_TYPES,
        ...(date ? { asOf: `${date}T00:00:00Z` } : {}),
      });
      const cutOff = answer.disconnected ?? [];
      const parts = (m?: NetworkMetrics) => m?.components ?? 0;
      cy?.elements().removeClass("cut-off");
      for (const lost of cutOff) cy?.$id(lost).addClass("cut-off");
      replace(
        result,
        el("p", {}, `Without it the network falls into ${parts(answer.after)} separate parts (now ${parts(answer.before)}).`),
        cutOff.length
          ? el("p", {}, el("strong", {}, `${cutOff.length} would be cut off`), " from everyone else:")
          : el("p", {}, "Nobody would be cut off from the rest of the network."),
        cutOff.length ? el("ul", { class: "ties", id: "what-if-cut-off" }, ...(await Promise.all(cutOff.map(async (n) => el("li", {}, await nameOf(n)))))) : null,
      );
    } catch (error) {
      replace(result, failure(error, "the what-if", "the network service (NetworkService.SimulateRemoval)"));
    }
  }

  async function findPath(): Promise<void> {
    const from = fromSelect.value;
    const to = toSelect.value;
    if (!from || !to) {
      replace(pathResult, el("p", { class: "hint" }, "Choose two partners first."));
      return;
    }
    replace(pathResult, loading("the shortest path"));
    try {
      const answer = await getJson<{ paths?: { nodes?: GraphNode[]; relationships?: Relationship[] }[] }>("/v1/paths", { from, to, maxDepth: 6, k: 1 });
      const path = answer.paths?.[0];
      if (!path?.nodes?.length) {
        replace(pathResult, el("p", { class: "notice" }, `${await nameOf(from)} and ${await nameOf(to)} are not connected within six steps.`));
        return;
      }
      for (const node of path.nodes) known.set(node.name, node);
      const steps: HTMLElement[] = [];
      path.nodes.forEach((node, i) => {
        if (i > 0) {
          const tie = path.relationships?.[i - 1];
          const forward = tie?.start === path.nodes![i - 1].name;
          const words = tie ? TIE_WORDS[tie.type]?.[forward ? 0 : 1] ?? tie.type.toLowerCase() : "";
          steps.push(el("span", { class: "path-tie" }, `— ${words} →`));
        }
        steps.push(el("span", { class: `path-node label-${node.label.toLowerCase()}`, "data-name": node.name }, displayName(node)));
      });
      replace(pathResult, el("p", {}, `${path.nodes.length - 1} steps:`), el("div", { class: "path", id: "path-steps" }, ...steps));
      cy?.elements().removeClass("on-path");
      for (const node of path.nodes) cy?.$id(node.name).addClass("on-path");
    } catch (error) {
      replace(pathResult, failure(error, "path finding", "the network service (NetworkService.FindPaths); until then, follow the ties on the map above"));
    }
  }

  localitySelect.addEventListener("change", () => void load());
  const redraw = () => void draw();
  kindSelect.addEventListener("change", redraw);
  asAt.addEventListener("change", redraw);
  sizeSelect.addEventListener("change", redraw);
  for (const box of labelBoxes) box.addEventListener("change", redraw);
  await load();
}

function validAt(tie: Relationship, date: string): boolean {
  if (!date) return true;
  const from = text(tie.properties, "from");
  const to = text(tie.properties, "to");
  return (!from || from <= date) && (!to || to >= date);
}

function toElements(graph: Subgraph, f: Filters, sizes?: Sizes): ElementDefinition[] {
  const nodes = (graph.nodes ?? []).filter((n) => f.labels.has(n.label) || n.name === f.locality);
  const shown = new Set(
    nodes.filter((n) => n.label !== "Partner" || !f.kind || text(n.properties, "kind") === f.kind).map((n) => n.name),
  );
  const ties = (graph.relationships ?? []).filter((r) => NETWORK_TYPES.includes(r.type) && shown.has(r.start) && shown.has(r.end) && validAt(r, f.asAt));
  const degree = new Map<string, number>();
  for (const tie of ties) {
    degree.set(tie.start, (degree.get(tie.start) ?? 0) + 1);
    degree.set(tie.end, (degree.get(tie.end) ?? 0) + 1);
  }
  // Scores are of the whole network; sizes are scaled to the largest one shown, so differences within a locality show.
  const largestShown = Math.max(0, ...[...shown].map((name) => sizes?.get(name) ?? 0));
  const share = (name: string) => (largestShown > 0 ? (sizes?.get(name) ?? 0) / largestShown : 0);
  return [
    ...nodes
      .filter((n) => shown.has(n.name))
      .map((n) => ({
        group: "nodes" as const,
        data: {
          id: n.name,
          label: displayName(n),
          kindOf: n.label,
          kind: text(n.properties, "kind") || "OTHER",
          colour: n.label === "Partner" ? KIND_COLOURS[text(n.properties, "kind")] ?? KIND_COLOURS.OTHER : "#ffffff",
          size: sizes ? 16 + 44 * Math.sqrt(share(n.name)) : 18 + 9 * Math.sqrt(degree.get(n.name) ?? 0),
        },
      })),
    ...ties.map((r) => ({
      group: "edges" as const,
      data: { id: `${r.type}:${r.start}->${r.end}`, source: r.start, target: r.end, type: r.type },
    })),
  ];
}

function networkStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        width: "data(size)",
        height: "data(size)",
        "background-color": "data(colour)",
        "border-width": 1,
        "border-color": "#44505c",
        "font-size": 9,
        color: "#1d2630",
        "text-wrap": "wrap",
        "text-max-width": "110px",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.7,
        "text-background-padding": "1px",
      },
    },
    { selector: "node[kindOf = 'Initiative']", style: { shape: "round-rectangle", "background-color": "#fff4cf", "border-color": "#b58a00", "border-width": 2 } },
    { selector: "node[kindOf = 'Enabler']", style: { shape: "diamond", "background-color": "#ffd166", "border-color": "#8a6200" } },
    { selector: "node[kindOf = 'Locality']", style: { shape: "hexagon", "background-color": "#e8eef5", "border-color": "#6b7c8f", "font-weight": "bold" } },
    { selector: "edge", style: { width: 1.2, "line-color": "#b8c2cc", "curve-style": "bezier" } },
    { selector: "edge[type = 'COLLABORATES_WITH']", style: { width: 2.5, "line-color": "#2e9e44" } },
    { selector: "edge[type = 'ENABLES']", style: { "line-style": "dashed", "line-color": "#b58a00" } },
    { selector: "node.selected", style: { "border-width": 4, "border-color": "#d43b3b" } },
    { selector: "node.on-path", style: { "border-width": 5, "border-color": "#d43b3b", "z-index": 10 } },
    { selector: "node.cut-off", style: { "border-width": 4, "border-style": "dashed", "border-color": "#d43b3b", opacity: 0.55 } },
  ];
}

function describeTie(tie: Relationship, self: string, other: string): HTMLElement {
  const outgoing = tie.start === self;
  const words = TIE_WORDS[tie.type]?.[outgoing ? 0 : 1] ?? tie.type.toLowerCase();
  const role = text(tie.properties, "role");
  const from = text(tie.properties, "from");
  const to = text(tie.properties, "to");
  const when = from || to ? ` (${from.slice(0, 4) || "?"}–${to.slice(0, 4) || ""})` : "";
  return el("li", {}, `${pretty(words)} `, el("strong", {}, other), role ? ` as ${role.toLowerCase()}` : "", when);
}
