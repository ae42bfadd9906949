import { Chart } from "chart.js/auto";
import { displayName, listNodes, postJson } from "../api";
import type { GraphNode } from "../api";
import { CODES, codeOf, readableCombination } from "../catalogue";
import { append, el, failure, loading, percent, replace } from "../ui";
import { renderCaseStudies } from "./caseStudies";
import { measuredCircumstances } from "./derivedConditions";
import { leftOut, withCaseNames } from "./leftOut";
import type { ExcludedCase } from "./leftOut";
import { renderRobustness } from "./robustness";
import { renderTheoryFit } from "./theoryFit";
import { xyPlot } from "./xyPlot";

interface FigureRange {
  low?: number;
  high?: number;
}

interface ConditionStatistics {
  condition: string;
  n?: number;
  judgeable?: boolean;
  tooFewCases?: boolean;
  noCases?: boolean;
  summary?: string;
  caveats?: string[];
  sufficiencyConsistency?: number | string;
  sufficiencyCoverage?: number | string;
  necessityConsistency?: number | string;
  necessityCoverage?: number | string;
  crisp?: { fisherP?: number | string };
  bounds?: { sufficiencyConsistency?: FigureRange; necessityConsistency?: FigureRange };
  casesInCondition?: string[];
  casesInBoth?: string[];
  excluded?: ExcludedCase[];
  points?: { name: string; condition?: number; outcome?: number }[];
}

interface AnalyzeConditionsResponse {
  outcome?: string;
  conditions?: ConditionStatistics[];
  cases?: string[];
  warnings?: string[];
  excluded?: ExcludedCase[];
  casesWithOutcome?: number;
  casesInOutcome?: number;
  minimumCases?: number;
}

interface SolutionTerm {
  expression: string;
  consistency?: number;
  rawCoverage?: number;
  uniqueCoverage?: number;
  cases?: string[];
}

interface MinimizeTruthTableResponse {
  models?: { name?: string; expression: string; consistency?: number; coverage?: number; terms?: SolutionTerm[] }[];
  simplifyingAssumptions?: string[];
  warnings?: string[];
  caseCount?: number;
  excluded?: ExcludedCase[];
  nextPageToken?: string;
  totalModels?: number;
}

/** How many circumstances the combinations search starts with: those resting on the most cases. */
const PRESELECTED = 3;

const POLICIES: [string, string][] = [
  ["UNKNOWN_POLICY_DROP_CASE", "Leave the project out"],
  ["UNKNOWN_POLICY_AS_ABSENT", "Count it as absent"],
  ["UNKNOWN_POLICY_AS_PRESENT", "Count it as present"],
  ["UNKNOWN_POLICY_BOUNDS", "Show the range either way"],
];

/** JSON carries NaN as the string "NaN". */
function num(value: number | string | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export async function renderPredictors(root: HTMLElement): Promise<void> {
  const outcomes = CODES.filter((c) => c.kind === "outcome");
  const outcome = el("select", { id: "predictors-outcome", "aria-label": "Outcome" }, ...outcomes.map((c) => el("option", { value: c.code }, c.label)));
  outcome.value = "MOMENTUM";
  const unknowns = el("select", { id: "unknown-policy", "aria-label": "Unrecorded circumstances" }, ...POLICIES.map(([value, label]) => el("option", { value }, label)));
  const analysis = el("section", { id: "conditions-analysis" });
  const conditionBoxes = CODES.filter((c) => c.kind === "context").map((c) => el("input", { type: "checkbox", value: c.code }));
  const boxLabels = new Map(conditionBoxes.map((box) => [box.value, el("span", { class: "muted" }, "")]));
  const picker = el("fieldset", { class: "condition-picker" }, el("legend", {}, "Circumstances"), ...conditionBoxes.map((box) => el("label", {}, box, ` ${codeOf(box.value).label} `, boxLabels.get(box.value)!)));
  // Beside the catalogue's circumstances, the measured ones added below; each box goes when its circumstance is removed.
  const measuredBoxes = el("span", { class: "measured-boxes" });
  append(picker, measuredBoxes);
  const solutionType = el(
    "select",
    { id: "solution-type", "aria-label": "Solution" },
    el("option", { value: "SOLUTION_TYPE_CONSERVATIVE" }, "Conservative (only what the cases show)"),
    el("option", { value: "SOLUTION_TYPE_INTERMEDIATE" }, "Intermediate"),
    el("option", { value: "SOLUTION_TYPE_PARSIMONIOUS" }, "Parsimonious (simplest)"),
  );
  const solution = el("section", { id: "solution" });
  const robustnessToggle = el("input", { type: "checkbox", id: "robustness-toggle" });
  const robustness = el("section", { id: "robustness" });
  const theoryFit = el("section", { id: "theory-fit" });
  const caseStudies = el("section", { id: "case-studies" });
  const names = new Map<string, string>();
  const caseName = (name: string) => names.get(name) ?? name;
  const measured = measuredCircumstances(() => ({ outcome: outcome.value, unknownPolicy: unknowns.value }), caseName, (removed) => void measuredChanged(removed));
  /** Sent with every request of the page, so that the measured circumstances can be named in its conditions. */
  const derived = () => (measured.list().length > 0 ? { derivedConditions: measured.list() } : {});
  const boxes = () => [...conditionBoxes, ...measuredBoxes.querySelectorAll("input")];

  replace(
    root,
    el("h1", {}, "Which conditions predict the outcome?"),
    el("p", { class: "lead" }, "Configurational comparison of the projects (QCA): how consistently each circumstance goes with the outcome (sufficiency), how much of the outcome it accounts for (coverage), and whether the outcome ever happens without it (necessity). Each figure rests on the projects that recorded both the circumstance and the outcome; the page says when they are too few, or too alike, to judge."),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Outcome ", outcome),
      el("label", {}, "When a project did not record a circumstance ", unknowns),
      el("button", { type: "button", id: "analyse", onclick: () => void analyse() }, "Analyse"),
    ),
    measured.element,
    analysis,
    el("h2", {}, "Combinations that lead to the outcome"),
    el("p", { class: "lead" }, "Choose a few circumstances; the truth table over them is reduced to the simplest combinations that were followed by the outcome. Beside each, how many projects recorded it."),
    picker,
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Solution ", solutionType),
      el("label", {}, robustnessToggle, " Test robustness"),
      el("button", { type: "button", id: "minimize", onclick: () => void minimize() }, "Find the combinations"),
    ),
    solution,
    caseStudies,
    theoryFit,
    robustness,
  );

  try {
    for (const i of await listNodes("Initiative")) names.set(i.name, displayName(i as GraphNode));
  } catch {
    // Case names then show as resource names.
  }

  async function analyse(): Promise<ConditionStatistics[]> {
    replace(analysis, loading("the analysis"));
    try {
      const answer = await postJson<AnalyzeConditionsResponse>("/v1/conditions:analyze", { outcome: outcome.value, unknownPolicy: unknowns.value, ...derived() });
      renderAnalysis(analysis, answer, caseName);
      return answer.conditions ?? [];
    } catch (error) {
      replace(analysis, failure(error, "the analysis of conditions", "the insight service (InsightService.AnalyzeConditions)"));
      return [];
    }
  }

  /** Says beside each circumstance how many projects recorded it; one none recorded cannot be chosen. */
  function describe(conditions: ConditionStatistics[]): void {
    const byCode = new Map(conditions.map((c) => [c.condition, c]));
    for (const box of boxes()) {
      const n = byCode.get(box.value)?.n ?? 0;
      boxLabels.get(box.value)!.textContent = n === 0 ? "(no project recorded it)" : `(${n} project${n === 1 ? "" : "s"})`;
      box.disabled = n === 0;
      if (box.disabled) box.checked = false;
    }
  }

  /** Starts with the few circumstances resting on the most projects. */
  function preselect(conditions: ConditionStatistics[]): void {
    // Without an analysis nothing is known about the cases: every box stays open, none is chosen.
    if (conditions.length === 0) return;
    describe(conditions);
    for (const box of boxes()) box.checked = false;
    const ranked = [...conditions].filter((c) => (c.n ?? 0) > 0).sort((a, b) => (b.n ?? 0) - (a.n ?? 0) || a.condition.localeCompare(b.condition));
    for (const c of ranked.slice(0, PRESELECTED)) {
      const box = conditionBoxes.find((b) => b.value === c.condition);
      if (box) box.checked = true;
    }
  }

  async function minimize(): Promise<void> {
    const conditions = boxes().filter((b) => b.checked).map((b) => b.value);
    if (conditions.length === 0) {
      replace(solution, el("p", { class: "hint" }, "Choose at least one circumstance."));
      return;
    }
    replace(solution, loading("the combinations"));
    replace(robustness);
    replace(theoryFit);
    replace(caseStudies);
    // BOUNDS shows its range beside each figure; a robustness run reads the unknowns one way at a time.
    const request = { outcome: outcome.value, conditions, solutionType: solutionType.value, unknownPolicy: unknowns.value, ...derived() };
    try {
      const answer = await postJson<MinimizeTruthTableResponse>("/v1/truthTables:minimize", request);
      renderSolution(solution, answer, caseName);
      const terms = [...new Set((answer.models ?? []).flatMap((m) => (m.terms ?? []).map((t) => t.expression)))];
      renderCaseStudies(caseStudies, request, terms, caseName);
      await renderTheoryFit(theoryFit, request, caseName);
    } catch (error) {
      replace(solution, failure(error, "the combinations (Boolean minimisation)", "the insight service (InsightService.MinimizeTruthTable)"));
      return;
    }
    if (robustnessToggle.checked) await renderRobustness(robustness, request, caseName);
  }

  /** A measured circumstance added or removed: its box in the picker, its row in the analysis, and no solution over a removed one. */
  async function measuredChanged(removed: boolean): Promise<void> {
    const current = new Set(measured.list().map((c) => c.name));
    for (const box of [...measuredBoxes.querySelectorAll("input")]) {
      if (!current.has(box.value)) {
        box.parentElement!.remove();
        boxLabels.delete(box.value);
      }
    }
    for (const name of current) {
      if (boxLabels.has(name)) continue;
      const box = el("input", { type: "checkbox", value: name });
      boxLabels.set(name, el("span", { class: "muted" }, ""));
      append(measuredBoxes, el("label", { class: "measured" }, box, ` ${codeOf(name).label} `, boxLabels.get(name)!));
    }
    const conditions = await analyse();
    if (conditions.length > 0) describe(conditions);
    if (removed) await minimize();
  }

  outcome.addEventListener("change", () => void analyse());
  unknowns.addEventListener("change", () => void analyse());
  robustnessToggle.addEventListener("change", () => void minimize());
  preselect(await analyse());
  await minimize();
}

function figure(value: number | string | undefined, range?: FigureRange): string {
  const shown = percent(num(value));
  return range && num(range.low) !== undefined ? `${shown} (${percent(num(range.low))}–${percent(num(range.high))})` : shown;
}

function renderAnalysis(container: HTMLElement, answer: AnalyzeConditionsResponse, caseName: (name: string) => string): void {
  const conditions = [...(answer.conditions ?? [])].sort(
    (a, b) => Number(b.judgeable ?? false) - Number(a.judgeable ?? false) || (b.n ?? 0) - (a.n ?? 0) || (num(b.sufficiencyConsistency) ?? 0) - (num(a.sufficiencyConsistency) ?? 0),
  );
  const judgeable = conditions.filter((c) => c.judgeable);
  const plot = el("div", { id: "xy-plot" });
  const row = (c: ConditionStatistics) =>
    el(
      "tr",
      { "data-condition": c.condition, class: c.judgeable ? "judgeable" : "weak", onclick: () => renderXy(plot, c, answer, caseName) },
      el("td", {}, readableCombination(c.condition).join(" and ")),
      el("td", {}, String(c.n ?? 0)),
      el("td", { class: "in-words" }, c.summary ?? "", ...(c.judgeable ? (c.caveats ?? []).map((caveat) => el("div", { class: "caveat" }, caveat)) : [])),
      el("td", {}, figure(c.sufficiencyConsistency, c.bounds?.sufficiencyConsistency)),
      el("td", {}, figure(c.necessityConsistency, c.bounds?.necessityConsistency)),
      el("td", {}, c.noCases ? "" : String(Math.round((num(c.crisp?.fisherP) ?? 1) * 100) / 100)),
      el("td", {}, el("details", {}, el("summary", {}, `${c.casesInBoth?.length ?? 0} of ${c.casesInCondition?.length ?? 0}`), (c.casesInBoth ?? []).map(caseName).join(", "))),
    );
  const canvas = el("canvas", { id: "conditions-chart", "aria-label": "Consistency and coverage of the conditions that can be judged" });
  replace(
    container,
    el("p", { id: "outcome-contrast" }, `${answer.casesInOutcome ?? 0} of the ${answer.casesWithOutcome ?? 0} projects that recorded it have the outcome ${codeOf(answer.outcome ?? "").label}.`),
    // The page says "no circumstance can be judged" itself, below; the server's sentence would say it twice.
    ...(answer.warnings ?? []).filter((w) => judgeable.length > 0 || !w.startsWith("none of the ")).map((w) => el("p", { class: "notice" }, withCaseNames(w, caseName))),
    ...leftOut("Left out of every circumstance", answer.excluded ?? [], caseName),
    judgeable.length > 0
      ? el("div", { class: "chart-box", style: `height:${Math.max(200, judgeable.length * 56 + 80)}px` }, canvas)
      : el("p", { class: "notice", id: "nothing-judgeable" }, `No circumstance can be judged on these projects: each rests on fewer than ${answer.minimumCases ?? 5}, or on projects that all had it, or all the outcome. The table describes them; it is no evidence of what predicts the outcome.`),
    el(
      "table",
      { class: "numbers", id: "conditions-table" },
      el("thead", {}, el("tr", {}, ...["Circumstance", "Projects", "In words", "Sufficiency consistency", "Necessity consistency", "Fisher p", "Cases with both"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...conditions.map(row)),
    ),
    el("p", { class: "hint" }, "Click a circumstance for its XY plot: each project's membership in the circumstance against the outcome."),
    plot,
  );
  if (judgeable.length === 0) return;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: judgeable.map((c) => readableCombination(c.condition).join(" and ")),
      datasets: [
        { label: "Sufficiency consistency", data: judgeable.map((c) => num(c.sufficiencyConsistency) ?? 0), backgroundColor: "#1f6fb4" },
        { label: "Sufficiency coverage", data: judgeable.map((c) => num(c.sufficiencyCoverage) ?? 0), backgroundColor: "#8fb8de" },
        { label: "Necessity consistency", data: judgeable.map((c) => num(c.necessityConsistency) ?? 0), backgroundColor: "#2e9e44" },
        { label: "Necessity coverage", data: judgeable.map((c) => num(c.necessityCoverage) ?? 0), backgroundColor: "#9fd8a9" },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, max: 1, ticks: { callback: (v) => `${Math.round(Number(v) * 100)}%` } } },
      plugins: { legend: { position: "top" } },
    },
  });
}

/** The XY plot of a clicked condition: its figures, the plot with the diagonal and the quadrants named, the cases shown and left out. */
function renderXy(container: HTMLElement, c: ConditionStatistics, answer: AnalyzeConditionsResponse, caseName: (name: string) => string): void {
  replace(container, ...xyPlot(c, answer.outcome ?? "", answer.excluded ?? [], caseName));
  container.scrollIntoView({ block: "nearest" });
}

function renderSolution(container: HTMLElement, answer: MinimizeTruthTableResponse, caseName: (name: string) => string): void {
  const models = answer.models ?? [];
  // Left-out cases come once, grouped by reason, not as a notice each.
  replace(
    container,
    el("p", { class: "muted" }, `${answer.caseCount ?? 0} projects recorded every chosen circumstance and the outcome.`),
    ...leftOut("Left out", answer.excluded ?? [], caseName),
    ...(answer.warnings ?? []).filter((w) => !w.includes(" left out: ") && !w.includes("belongs to no row")).map((w) => el("p", { class: "notice" }, withCaseNames(w, caseName))),
  );
  if (models.length === 0) {
    append(container, el("p", { class: "muted" }, "No combination of these circumstances was consistently followed by the outcome."));
    return;
  }
  if (answer.nextPageToken) {
    append(container, el("p", { class: "notice" }, `The first ${models.length} of ${answer.totalModels ?? models.length} equally simple models are shown; lv minimize --max-models lists them all.`));
  }
  models.forEach((model, index) => {
    const single = (model.terms ?? []).length === 1;
    append(
      container,
      el(
        "div",
        { class: "card model", "data-expression": model.expression },
        el("h3", {}, models.length > 1 ? `Model ${model.name || `M${index + 1}`}` : "The solution", el("span", { class: "muted" }, ` consistency ${percent(model.consistency)}, coverage ${percent(model.coverage)}`)),
        el("p", {}, "The outcome followed wherever one of these held:"),
        el(
          "ol",
          { class: "terms" },
          ...(model.terms ?? []).map((term) =>
            el(
              "li",
              { class: "term" },
              el("span", { class: "combination" }, ...readableCombination(term.expression).flatMap((part, i) => (i ? [el("em", {}, " and "), part] : [part]))),
              // The unique coverage as the API gives it: for the only term of a model, its whole coverage (R's QCA shows NA).
              el("span", { class: "muted" }, ` (consistency ${percent(term.consistency)}, coverage ${percent(term.rawCoverage)}, unique coverage ${percent(term.uniqueCoverage)}${single ? ", the only term" : ""})`),
              el("div", { class: "cases" }, `Cases: ${(term.cases ?? []).map(caseName).join(", ") || "none"}`),
            ),
          ),
        ),
      ),
    );
  });
}
