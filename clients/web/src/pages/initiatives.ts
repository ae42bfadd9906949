import { Chart } from "chart.js/auto";
import { displayName, getJson, getNeighborhood, listNodes, resourcePath, text } from "../api";
import type { GraphNode, Relationship } from "../api";
import { KIND_TITLES, catalogueOrder, codeOf } from "../catalogue";
import type { CodeKind } from "../catalogue";
import { append, el, failure, loading, pretty, problem, replace, scoreBar } from "../ui";

interface Finding {
  ruleId: string;
  polarity: string;
  title: string;
  explanation?: string;
  reportSection?: string;
  observations?: string[];
  evidence?: string[];
  derivedFacts?: { code: string; score?: number; source?: string }[];
}

declare global {
  interface Window {
    /** The momentum outlook chart, for the browser tests. */
    localVisionOutlook?: Chart;
  }
}

interface Evaluation {
  initiative: string;
  asOf?: string;
  findings?: Finding[];
  outlook?: { rating?: string; score?: number; reasons?: string[] };
}

const CONFIDENCE: Record<string, string> = { H: "high confidence", M: "medium confidence", L: "low confidence" };

const POLARITIES: [polarity: string, title: string, className: string][] = [
  ["POLARITY_INGREDIENT", "Ingredients", "ingredient"],
  ["POLARITY_RISK", "Risks", "risk"],
  ["POLARITY_CAUTION", "Cautions", "caution"],
];

export async function renderInitiatives(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const select = el("select", { id: "initiative-select", "aria-label": "Initiative" });
  const body = el("div", { id: "initiative-body" });
  replace(
    root,
    el("h1", {}, "Initiatives"),
    el("p", { class: "lead" }, "Pick a Local Vision project to see what the evaluators observed there (circumstances, mechanisms and outcomes), how strongly, and the evidence behind each judgement."),
    el("div", { class: "controls" }, el("label", {}, "Initiative ", select)),
    body,
  );
  let initiatives: GraphNode[];
  try {
    initiatives = await listNodes("Initiative", 'kind = "LV_PROJECT"');
  } catch (error) {
    replace(body, problem(error));
    return;
  }
  initiatives.sort((a, b) => displayName(a).localeCompare(displayName(b)));
  append(select, ...initiatives.map((i) => el("option", { value: i.name }, displayName(i))));
  select.value = params.get("name") ?? initiatives[0]?.name ?? "";
  const show = () => {
    history.replaceState(null, "", `#/initiatives?name=${encodeURIComponent(select.value)}`);
    void renderInitiative(body, initiatives.find((i) => i.name === select.value)!);
  };
  select.addEventListener("change", show);
  if (select.value) show();
}

async function renderInitiative(body: HTMLElement, initiative: GraphNode): Promise<void> {
  replace(body, loading(displayName(initiative)));
  try {
    const [observed, around] = await Promise.all([
      getNeighborhood(initiative.name, { depth: 2, labels: ["Observation", "Evidence"], relationshipTypes: ["OBSERVED", "SUPPORTS"], limit: 5000 }),
      getNeighborhood(initiative.name, { depth: 1, labels: ["Locality", "Partner", "Enabler"], relationshipTypes: ["IN_LOCALITY", "PARTNER_IN", "ENABLES"] }),
    ]);
    const nodes = new Map([...(observed.nodes ?? []), ...(around.nodes ?? [])].map((n) => [n.name, n]));
    const observations = (observed.nodes ?? []).filter((n) => n.label === "Observation");
    const evidenceFor = supportsIndex(observed.relationships ?? [], nodes);
    const findings = el("section", { class: "findings", id: "findings" }, el("h2", {}, "Findings"), loading("the findings"));
    replace(
      body,
      header(initiative, around.nodes ?? []),
      findings,
      el("h2", {}, "What was observed"),
      observations.length
        ? el("div", { class: "observation-groups" }, ...(["context", "mechanism", "outcome"] as CodeKind[]).map((kind) => observationGroup(kind, observations, evidenceFor)))
        : el("p", { class: "muted" }, "No observations are recorded for this initiative."),
    );
    void renderFindings(findings, initiative, nodes, evidenceFor);
  } catch (error) {
    replace(body, problem(error));
  }
}

function header(initiative: GraphNode, around: GraphNode[]): HTMLElement {
  const p = initiative.properties;
  const place = around.filter((n) => n.label === "Locality").map((n) => displayName(n)).join(", ");
  const partners = around.filter((n) => n.label === "Partner").length;
  const enablers = around.filter((n) => n.label === "Enabler").map((n) => displayName(n));
  const facts: [string, string][] = [
    ["Where", place],
    ["Focus", text(p, "focus")],
    ["Cohort", text(p, "cohort")],
    ["Level", pretty(text(p, "level"))],
    ["Ran", [text(p, "start"), text(p, "end")].filter(Boolean).join(" to ")],
    ["Partners", partners ? String(partners) : ""],
    ["Enabler", enablers.join(", ")],
  ];
  return el(
    "div",
    { class: "card initiative-header" },
    el("h2", {}, displayName(initiative)),
    el("dl", {}, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
  );
}

/** Evidence by the observation it supports. */
function supportsIndex(relationships: Relationship[], nodes: Map<string, GraphNode>): Map<string, GraphNode[]> {
  const index = new Map<string, GraphNode[]>();
  for (const r of relationships) {
    if (r.type !== "SUPPORTS") continue;
    const evidence = nodes.get(r.start);
    if (!evidence) continue;
    index.set(r.end, [...(index.get(r.end) ?? []), evidence]);
  }
  return index;
}

function observationGroup(kind: CodeKind, observations: GraphNode[], evidenceFor: Map<string, GraphNode[]>): HTMLElement {
  const mine = observations
    .filter((o) => codeOf(text(o.properties, "code")).kind === kind)
    .sort((a, b) => catalogueOrder(text(a.properties, "code")) - catalogueOrder(text(b.properties, "code")) || text(a.properties, "at").localeCompare(text(b.properties, "at")));
  return el(
    "section",
    { class: `observation-group kind-${kind}`, "data-kind": kind },
    el("h3", {}, KIND_TITLES[kind], el("span", { class: "count" }, ` ${mine.length}`)),
    mine.length ? el("div", {}, ...mine.map((o) => observationItem(o, evidenceFor.get(o.name) ?? []))) : el("p", { class: "muted" }, "None observed."),
  );
}

function observationItem(observation: GraphNode, evidence: GraphNode[]): HTMLElement {
  const p = observation.properties;
  const code = codeOf(text(p, "code"));
  const score = Number(p?.score ?? 0);
  return el(
    "details",
    { class: "observation", "data-name": observation.name },
    el(
      "summary",
      {},
      el("span", { class: "observation-title" }, code.label),
      scoreBar(score),
      el("span", { class: "muted" }, [text(p, "at"), CONFIDENCE[text(p, "confidence")], text(p, "section") && `§${text(p, "section")}`].filter(Boolean).join(" · ")),
    ),
    text(p, "note") ? el("p", { class: "observation-note" }, text(p, "note")) : null,
    el("p", { class: "code-line" }, el("code", {}, code.code), ` · ${code.group}${text(p, "coder") ? ` · coded by ${text(p, "coder")}` : ""}`),
    evidence.length
      ? el("ul", { class: "evidence" }, ...evidence.map(evidenceItem))
      : el("p", { class: "muted" }, "No evidence is linked to this observation."),
  );
}

function evidenceItem(evidence: GraphNode): HTMLElement {
  const p = evidence.properties;
  return el(
    "li",
    { class: "evidence-item", "data-name": evidence.name },
    el("span", { class: "evidence-kind" }, pretty(text(p, "kind"))),
    " ",
    el("span", { class: "evidence-summary" }, text(p, "summary")),
    el(
      "span",
      { class: "muted" },
      " ",
      [text(p, "date"), text(p, "respondentRole"), text(p, "reportSection") && `§${text(p, "reportSection")}`, p?.confidential === true ? "confidential" : ""].filter(Boolean).join(" · "),
    ),
  );
}

async function renderFindings(section: HTMLElement, initiative: GraphNode, nodes: Map<string, GraphNode>, evidenceFor: Map<string, GraphNode[]>): Promise<void> {
  let evaluation: Evaluation;
  try {
    evaluation = await getJson<Evaluation>(resourcePath(initiative.name, "/evaluation"));
  } catch (error) {
    replace(section, el("h2", {}, "Findings"), failure(error, "the findings (ingredients, risks and cautions)", "the evaluation service (EvaluationService.EvaluateInitiative)"));
    return;
  }
  const findings = evaluation.findings ?? [];
  const outlook = evaluation.outlook;
  const trend = el("div", { class: "outlook-trend" });
  replace(
    section,
    el("h2", {}, "Findings"),
    outlook?.rating
      ? el("p", { class: `outlook outlook-${outlook.rating.toLowerCase()}` }, el("strong", {}, `Momentum outlook: ${pretty(outlook.rating)}`), outlook.reasons?.length ? ` (${outlook.reasons.join("; ")})` : "")
      : null,
    el(
      "div",
      { class: "finding-columns" },
      ...POLARITIES.map(([polarity, title, className]) => {
        const mine = findings.filter((f) => f.polarity === polarity);
        return el(
          "div",
          { class: `finding-column ${className}` },
          el("h3", {}, `${title} (${mine.length})`),
          ...(mine.length ? mine.map((f) => findingItem(f, nodes, evidenceFor)) : [el("p", { class: "muted" }, "None.")]),
        );
      }),
    ),
    trend,
  );
  void renderOutlookTrend(trend, initiative);
}

function findingItem(finding: Finding, nodes: Map<string, GraphNode>, evidenceFor: Map<string, GraphNode[]>): HTMLElement {
  const observations = (finding.observations ?? []).map((name) => nodes.get(name)).filter((n): n is GraphNode => !!n);
  const evidence = new Map<string, GraphNode>();
  for (const name of finding.evidence ?? []) {
    const node = nodes.get(name);
    if (node) evidence.set(name, node);
  }
  for (const o of observations) for (const e of evidenceFor.get(o.name) ?? []) evidence.set(e.name, e);
  return el(
    "details",
    { class: "finding", "data-rule": finding.ruleId },
    el("summary", {}, el("strong", {}, finding.title), finding.reportSection ? el("span", { class: "muted" }, ` §${finding.reportSection}`) : null),
    finding.explanation ? el("p", {}, finding.explanation) : null,
    observations.length ? el("p", { class: "muted" }, "Observed: ", observations.map((o) => codeOf(text(o.properties, "code")).label).join("; ")) : null,
    ...(finding.derivedFacts ?? []).map((d) => el("p", { class: "muted" }, `Derived: ${codeOf(d.code).label}${d.source ? ` (from ${d.source})` : ""}`)),
    evidence.size ? el("ul", { class: "evidence" }, ...[...evidence.values()].map(evidenceItem)) : null,
  );
}

/** The outlook at the end of each year the initiative ran and the one after: how momentum built, or did not. */
async function renderOutlookTrend(container: HTMLElement, initiative: GraphNode): Promise<void> {
  const start = Number(text(initiative.properties, "start").slice(0, 4));
  const end = Number(text(initiative.properties, "end").slice(0, 4)) || start;
  if (!start) return;
  const years = Array.from({ length: Math.min(end - start + 2, 8) }, (_, i) => start + i);
  try {
    const points = await Promise.all(
      years.map((year) => getJson<Evaluation>(resourcePath(initiative.name, "/evaluation"), { asOf: `${year}-12-31T00:00:00Z` })),
    );
    const canvas = el("canvas", { id: "outlook-chart", "aria-label": "Momentum outlook by year" });
    replace(container, el("h3", {}, "Momentum outlook over time"), el("div", { class: "chart-box small" }, canvas));
    const scores = points.map((p) => p.outlook?.score ?? 0);
    window.localVisionOutlook = new Chart(canvas, {
      type: "line",
      data: { labels: years.map(String), datasets: [{ label: "Outlook score (end of year)", data: scores, borderColor: "#1f6fb4", tension: 0.2, pointRadius: 4 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Scores run below zero (risks) and above one (several ingredients): the axis always shows them all.
        scales: { y: { suggestedMin: Math.min(-2, ...scores), suggestedMax: Math.max(3, ...scores), ticks: { stepSize: 1 } } },
        plugins: { tooltip: { callbacks: { label: (item) => `${pretty(points[item.dataIndex].outlook?.rating ?? "")} (score ${item.parsed.y})` } } },
      },
    });
  } catch {
    replace(container);
  }
}
