import { Chart } from "chart.js/auto";
import { displayName, getEvaluation, getNeighborhood, listNodes, listRules, text } from "../api";
import type { Evaluation, EvidenceScope, Finding, GraphNode, Relationship, ReportHeading, UnassessedIngredient } from "../api";
import { KIND_TITLES, catalogueOrder, codeOf } from "../catalogue";
import type { CodeKind } from "../catalogue";
import { append, el, failure, loading, pretty, problem, replace, scoreBar } from "../ui";

declare global {
  interface Window {
    /** The momentum outlook chart, for the browser tests. */
    localVisionOutlook?: Chart;
  }
}

const CONFIDENCE: Record<string, string> = { H: "high confidence", M: "medium confidence", L: "low confidence" };

/** The columns of the heading table: what the project shows, lacks on evidence, should be read with care. */
const POLARITIES: [polarity: string, title: string, className: string][] = [
  ["POLARITY_INGREDIENT", "Shows", "ingredient"],
  ["POLARITY_RISK", "Lacks, on evidence", "risk"],
  ["POLARITY_CAUTION", "Read with care", "caution"],
];

const MECHANISM: Record<string, string> = {
  MECHANISM_OBSERVED_YES: "observed",
  MECHANISM_OBSERVED_NO: "coded absent",
  MECHANISM_OBSERVED_UNKNOWN: "nobody coded it",
};

/** The conditions only the engine derives, in words (the rest are catalogue codes). */
const DERIVED: Record<string, string> = {
  SHORT_FUNDED: "a short funded period",
  ENDED: "the project had ended",
  ENABLER_EXIT: "the Enabler's exit in view",
  SEVERAL_PARTNERS: "a range of partners",
  RISING_INDICATOR: "a rising indicator",
  PROJECT_LEAD_CHANGED: "a change of project lead",
  CLINICIANS_REPRESENTED: "clinicians represented",
  LEADERSHIP_SENIOR: "senior leadership",
  LEADERSHIP_POLITICAL: "political leadership",
  LEADERSHIP_PROJECT_LEAD: "a project lead",
  LEADERSHIP_ENABLER: "an Enabler",
  LEADERSHIP_CLINICAL: "clinical leadership",
  LEADERSHIP_COMMUNITY: "community leadership",
  PEOPLE_COMPLETE: "the people recorded are everyone who took part",
};

function label(code: string): string {
  return DERIVED[code] ?? codeOf(code).label;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function renderInitiatives(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const select = el("select", { id: "initiative-select", "aria-label": "Initiative" });
  const asOf = el("input", { type: "date", id: "as-of", "aria-label": "As of", value: params.get("asOf") ?? "" });
  const asNowKnown = el("input", { type: "checkbox", id: "as-now-known", checked: params.get("now") === "1" });
  const illustrative = el("input", { type: "checkbox", id: "include-illustrative", checked: params.get("illustrative") === "1" });
  const body = el("div", { id: "initiative-body" });
  replace(
    root,
    el("h1", {}, "Initiatives"),
    el(
      "p",
      { class: "lead" },
      "Pick a Local Vision project to see, heading by heading of the report's chapter 7, what it shows, what it lacks on evidence, and what nobody has assessed; then what the evaluators observed and the evidence behind each judgement. Silence is not absence: a condition nobody observed is unknown.",
    ),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Initiative ", select),
      el("label", { title: "Only what held by this date and was recorded by it; today when empty" }, "As of ", asOf),
      el("label", { title: "What held by the date as we now know it, however late it was recorded" }, asNowKnown, " as we now know"),
      el("label", { title: "Data invented to make the sample usable; findings resting on it are marked" }, illustrative, " include illustrative data"),
    ),
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
    const query = new URLSearchParams({ name: select.value });
    if (asOf.value) query.set("asOf", asOf.value);
    if (asNowKnown.checked) query.set("now", "1");
    if (illustrative.checked) query.set("illustrative", "1");
    history.replaceState(null, "", `#/initiatives?${query}`);
    const scope: EvidenceScope = { asOf: asOf.value || today(), asNowKnown: asNowKnown.checked, includeIllustrative: illustrative.checked };
    void renderInitiative(body, initiatives.find((i) => i.name === select.value)!, scope);
  };
  for (const control of [select, asOf, asNowKnown, illustrative]) control.addEventListener("change", show);
  if (select.value) show();
}

/** Whether a node or relationship is marked as invented for the sample. */
function isIllustrative(properties: Record<string, unknown> | undefined): boolean {
  return properties?.illustrative === true;
}

/** The server's rules of evidence, applied to what the page shows beside the findings. */
function observationCounts(observation: GraphNode, scope: EvidenceScope): boolean {
  const at = text(observation.properties, "at");
  const recorded = text(observation.properties, "recordedAt") || at;
  return at <= scope.asOf! && (scope.asNowKnown || recorded <= scope.asOf!) && (scope.includeIllustrative || !isIllustrative(observation.properties));
}

function evidenceShows(evidence: GraphNode, scope: EvidenceScope): boolean {
  const date = text(evidence.properties, "date");
  return (scope.asNowKnown || !date || date <= scope.asOf!) && (scope.includeIllustrative || !isIllustrative(evidence.properties));
}

async function renderInitiative(body: HTMLElement, initiative: GraphNode, scope: EvidenceScope): Promise<void> {
  replace(body, loading(displayName(initiative)));
  try {
    const [observed, around] = await Promise.all([
      getNeighborhood(initiative.name, { depth: 2, labels: ["Observation", "Evidence"], relationshipTypes: ["OBSERVED", "SUPPORTS"], limit: 5000 }),
      getNeighborhood(initiative.name, { depth: 1, labels: ["Locality", "Partner", "Enabler"], relationshipTypes: ["IN_LOCALITY", "PARTNER_IN", "ENABLES"] }),
    ]);
    const nodes = new Map([...(observed.nodes ?? []), ...(around.nodes ?? [])].map((n) => [n.name, n]));
    const all = (observed.nodes ?? []).filter((n) => n.label === "Observation");
    const observations = all.filter((o) => observationCounts(o, scope));
    const evidenceFor = supportsIndex(observed.relationships ?? [], nodes, scope);
    const findings = el("section", { class: "findings", id: "findings" }, el("h2", {}, "Evaluation"), loading("the evaluation"));
    const hidden = all.length - observations.length;
    replace(
      body,
      header(initiative, around.nodes ?? []),
      findings,
      el("h2", {}, "What was observed"),
      hidden > 0
        ? el("p", { class: "muted", id: "observations-hidden" }, `${hidden} observation(s) held or were recorded after ${scope.asOf}${scope.includeIllustrative ? "" : ", or are marked illustrative"}, and are not shown.`)
        : null,
      observations.length
        ? el("div", { class: "observation-groups" }, ...(["context", "mechanism", "outcome"] as CodeKind[]).map((kind) => observationGroup(kind, observations, evidenceFor)))
        : el("p", { class: "muted" }, "No observations are recorded for this initiative by this date."),
    );
    void renderEvaluation(findings, initiative, scope, nodes, evidenceFor, all);
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

/** Evidence by the observation it supports, as the scope may show it. */
function supportsIndex(relationships: Relationship[], nodes: Map<string, GraphNode>, scope: EvidenceScope): Map<string, GraphNode[]> {
  const index = new Map<string, GraphNode[]>();
  for (const r of relationships) {
    if (r.type !== "SUPPORTS") continue;
    const evidence = nodes.get(r.start);
    if (!evidence || !evidenceShows(evidence, scope)) continue;
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
  const recorded = text(p, "recordedAt");
  const when = recorded && recorded !== text(p, "at") ? `${text(p, "at")} (recorded ${recorded})` : text(p, "at");
  return el(
    "details",
    { class: "observation", "data-name": observation.name },
    el(
      "summary",
      {},
      el("span", { class: "observation-title" }, code.label),
      scoreBar(score),
      el("span", { class: "muted" }, [when, CONFIDENCE[text(p, "confidence")], text(p, "section") && `§${text(p, "section")}`].filter(Boolean).join(" · ")),
      isIllustrative(p) ? el("span", { class: "badge illustrative" }, "illustrative") : null,
    ),
    text(p, "note") ? el("p", { class: "observation-note" }, text(p, "note")) : null,
    text(p, "atNote") ? el("p", { class: "muted" }, `Dated: ${text(p, "atNote")}`) : null,
    el("p", { class: "code-line" }, el("code", {}, code.code), ` · ${code.group}${text(p, "coder") ? ` · coded by ${text(p, "coder")}` : ""}`),
    evidence.length
      ? el("ul", { class: "evidence" }, ...evidence.map(evidenceItem))
      : el("p", { class: "muted" }, "No evidence linked to this observation may be shown by this date."),
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

async function renderEvaluation(
  section: HTMLElement,
  initiative: GraphNode,
  scope: EvidenceScope,
  nodes: Map<string, GraphNode>,
  evidenceFor: Map<string, GraphNode[]>,
  observations: GraphNode[],
): Promise<void> {
  let evaluation: Evaluation;
  let headings: ReportHeading[];
  try {
    [evaluation, headings] = await Promise.all([getEvaluation(initiative.name, scope), listRules().then((r) => r.headings ?? [])]);
  } catch (error) {
    replace(section, el("h2", {}, "Evaluation"), failure(error, "the findings (ingredients, risks and cautions)", "the evaluation service (EvaluationService.EvaluateInitiative)"));
    return;
  }
  const trend = el("div", { class: "outlook-trend" });
  if (evaluation.status === "EVALUATION_STATUS_NOT_STARTED") {
    replace(
      section,
      el("h2", {}, "Evaluation"),
      el("p", { class: "notice not-started", id: "not-started" }, `Not started by ${scope.asOf}: ${evaluation.outlook?.reasons?.[0] ?? "the project had not begun"}. There is nothing to evaluate yet.`),
      trend,
    );
  } else {
    replace(section, el("h2", {}, "Evaluation"), outlookPanel(evaluation), headingTable(evaluation, headings, nodes, evidenceFor), trend);
  }
  void renderOutlookTrend(trend, initiative, scope, observations);
}

function outlookPanel(evaluation: Evaluation): HTMLElement {
  const outlook = evaluation.outlook ?? {};
  const contributions = outlook.contributions ?? [];
  const number = (value: number | undefined) => (value ?? 0).toFixed(2).replace(/\.?0+$/, "") || "0";
  return el(
    "div",
    { class: "outlook-panel" },
    el(
      "div",
      {},
      el("p", { class: `outlook outlook-${(outlook.rating ?? "").toLowerCase()}` }, el("strong", {}, `Momentum outlook: ${pretty(outlook.rating ?? "")}`), ` (score ${number(outlook.score)})`),
      contributions.length
        ? el(
            "ul",
            { class: "contributions" },
            ...contributions.map((c) =>
              el(
                "li",
                { class: c.counted ? "" : "not-counted", "data-rule": c.ruleId },
                `${c.counted ? ((c.weight ?? 0) >= 0 ? "+" : "") + number(c.weight) : "±0"} ${c.ruleId}${c.subject ? ` (${c.subject})` : ""}`,
                c.tentative || !c.counted ? el("span", { class: "muted" }, ` ${c.reason}`) : null,
              ),
            ),
          )
        : el("p", { class: "muted" }, "No ingredient or risk could be decided."),
      el("p", { class: "muted" }, outlook.reasons?.[outlook.reasons.length - 1] ?? ""),
    ),
    el(
      "aside",
      { class: "cautions", id: "cautions" },
      el("h3", {}, "Beside the outlook, not scored"),
      (outlook.cautions ?? []).length ? el("ul", {}, ...(outlook.cautions ?? []).map((c) => el("li", {}, c))) : el("p", { class: "muted" }, "No cautions."),
    ),
  );
}

/** One row per heading of the report: what the project shows, lacks on evidence, should be read with care, and what nobody assessed. */
function headingTable(evaluation: Evaluation, headings: ReportHeading[], nodes: Map<string, GraphNode>, evidenceFor: Map<string, GraphNode[]>): HTMLElement {
  const findings = evaluation.findings ?? [];
  const unassessed = evaluation.notAssessed ?? [];
  const sectionsOf = (f: Finding) => f.reportSections ?? (f.reportSection ?? "").split(", ");
  const rows = (headings.length ? headings : [...new Set(findings.flatMap(sectionsOf))].map((section) => ({ section, title: "" }))).map((heading) => {
    const here = findings.filter((f) => sectionsOf(f).includes(heading.section));
    const open = unassessed.filter((u) => (u.sections ?? []).includes(heading.section));
    return el(
      "tr",
      { "data-section": heading.section },
      el("th", {}, el("span", { class: "section" }, `§${heading.section}`), " ", heading.title),
      ...POLARITIES.map(([polarity, , className]) =>
        el("td", { class: className }, ...here.filter((f) => f.polarity === polarity).map((f) => findingItem(f, nodes, evidenceFor))),
      ),
      el("td", { class: "not-assessed" }, ...open.map(unassessedItem)),
    );
  });
  return el(
    "table",
    { class: "headings", id: "headings" },
    el("thead", {}, el("tr", {}, el("th", {}, "Heading of the report"), ...POLARITIES.map(([, title]) => el("th", {}, title)), el("th", {}, "Not assessed"))),
    el("tbody", {}, ...rows),
  );
}

function unassessedItem(item: UnassessedIngredient): HTMLElement {
  const settled = item.missingCodes?.length ? `Would be settled by coding ${item.missingCodes.map(label).join(" or ")}.` : "";
  return el(
    "details",
    { class: "unassessed", "data-rule": item.rule },
    el("summary", {}, item.title ?? item.rule, item.subject ? ` (${pretty(item.subject)})` : ""),
    el("p", { class: "muted" }, item.reason ?? ""),
    settled ? el("p", { class: "settle" }, settled) : null,
  );
}

function findingItem(finding: Finding, nodes: Map<string, GraphNode>, evidenceFor: Map<string, GraphNode[]>): HTMLElement {
  const evidence = new Map<string, GraphNode>();
  for (const name of finding.evidence ?? []) {
    const node = nodes.get(name);
    if (node) evidence.set(name, node);
  }
  for (const o of finding.observations ?? []) for (const e of evidenceFor.get(o) ?? []) if ((finding.evidence ?? []).includes(e.name)) evidence.set(e.name, e);
  const mechanism = finding.mechanism;
  return el(
    "details",
    { class: `finding${finding.tentative ? " tentative" : ""}`, "data-rule": finding.ruleId, "data-subject": finding.subject ?? "" },
    el(
      "summary",
      {},
      el("strong", {}, finding.title),
      finding.tentative ? el("span", { class: "badge tentative" }, "tentative") : null,
      finding.illustrative ? el("span", { class: "badge illustrative" }, "illustrative") : null,
    ),
    finding.explanation ? el("p", {}, finding.explanation) : null,
    ...(finding.conditions ?? []).map((c) =>
      el("p", { class: "muted condition" }, `${label(c.code)}: ${pretty((c.value ?? "").replace("CONDITION_VALUE_", ""))} (${(c.sources ?? []).join("; ")})`),
    ),
    mechanism?.code ? el("p", { class: "mechanism" }, `Expected mechanism, ${label(mechanism.code)}: ${MECHANISM[mechanism.observed ?? ""] ?? "not known"}.`) : null,
    evidence.size ? el("ul", { class: "evidence" }, ...[...evidence.values()].map(evidenceItem)) : null,
  );
}

/**
 * The outlook at each date the record changes (a condition began to hold or was recorded), from the start to the
 * as-of date: as known at the time, and as we now know. The re-dated record shows how momentum built.
 */
async function renderOutlookTrend(container: HTMLElement, initiative: GraphNode, scope: EvidenceScope, observations: GraphNode[]): Promise<void> {
  const start = text(initiative.properties, "start");
  if (!start || start > scope.asOf!) return;
  const changes = observations.flatMap((o) => [text(o.properties, "at"), text(o.properties, "recordedAt")]).filter((d) => d && d >= start && d < scope.asOf!);
  let dates = [...new Set([start, ...changes, scope.asOf!])].sort();
  if (dates.length > 16) dates = dates.filter((_, i) => i % Math.ceil(dates.length / 15) === 0 || i === dates.length - 1);
  try {
    const [then, now] = await Promise.all(
      [false, true].map((asNowKnown) =>
        Promise.all(dates.map((asOf) => getEvaluation(initiative.name, { asOf, asNowKnown, includeIllustrative: scope.includeIllustrative }))),
      ),
    );
    const canvas = el("canvas", { id: "outlook-chart", "aria-label": "Momentum outlook over time" });
    replace(
      container,
      el("h3", {}, "Momentum outlook over time"),
      el("p", { class: "muted" }, "At each date the record changes: as the evaluators knew it then, and as we now know it (conditions dated to when they held)."),
      el("div", { class: "chart-box small" }, canvas),
    );
    const scores = [...then, ...now].map((e) => e.outlook?.score ?? 0);
    window.localVisionOutlook?.destroy();
    window.localVisionOutlook = new Chart(canvas, {
      type: "line",
      data: {
        labels: dates,
        datasets: [
          { label: "As known then", data: then.map((e) => e.outlook?.score ?? 0), borderColor: "#1f6fb4", stepped: true, pointRadius: 3 },
          { label: "As we now know", data: now.map((e) => e.outlook?.score ?? 0), borderColor: "#2e9e44", borderDash: [5, 4], stepped: true, pointRadius: 3 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Drawn at once: the steps are the point, and a screenshot or a reader should not catch them half-drawn.
        animation: false,
        // Scores run below zero (risks) and above one (several ingredients): the axis always shows them all.
        scales: { y: { suggestedMin: Math.min(-2, ...scores), suggestedMax: Math.max(3, ...scores), ticks: { stepSize: 1 } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${pretty((item.datasetIndex === 0 ? then : now)[item.dataIndex].outlook?.rating ?? "")} (score ${item.parsed.y})`,
            },
          },
        },
      },
    });
  } catch {
    replace(container);
  }
}
