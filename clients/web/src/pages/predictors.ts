import { Chart } from "chart.js/auto";
import { displayName, listNodes, postJson } from "../api";
import type { GraphNode } from "../api";
import { CODES, codeOf, readableCombination } from "../catalogue";
import { append, el, failure, loading, percent, replace } from "../ui";

interface ConditionStatistics {
  condition: string;
  sufficiencyConsistency?: number;
  sufficiencyCoverage?: number;
  necessityConsistency?: number;
  necessityCoverage?: number;
  casesInCondition?: string[];
  casesInBoth?: string[];
}

interface AnalyzeConditionsResponse {
  outcome?: string;
  conditions?: ConditionStatistics[];
  cases?: string[];
  warnings?: string[];
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
  nextPageToken?: string;
  totalModels?: number;
}

const DEFAULT_CONDITIONS = ["SENIOR_ENGAGEMENT_EARLY", "DEDICATED_SUPPORT", "COMMUNITY_ENGAGEMENT", "ALIGNED_BCF"];

export async function renderPredictors(root: HTMLElement): Promise<void> {
  const outcomes = CODES.filter((c) => c.kind === "outcome");
  const outcome = el("select", { id: "predictors-outcome", "aria-label": "Outcome" }, ...outcomes.map((c) => el("option", { value: c.code }, c.label)));
  outcome.value = "MOMENTUM";
  const analysis = el("section", { id: "conditions-analysis" });
  const conditionBoxes = CODES.filter((c) => c.kind === "context").map((c) =>
    el("input", { type: "checkbox", value: c.code, checked: DEFAULT_CONDITIONS.includes(c.code) }),
  );
  const solutionType = el(
    "select",
    { id: "solution-type", "aria-label": "Solution" },
    el("option", { value: "SOLUTION_TYPE_CONSERVATIVE" }, "Conservative (only what the cases show)"),
    el("option", { value: "SOLUTION_TYPE_INTERMEDIATE" }, "Intermediate"),
    el("option", { value: "SOLUTION_TYPE_PARSIMONIOUS" }, "Parsimonious (simplest)"),
  );
  const solution = el("section", { id: "solution" });

  replace(
    root,
    el("h1", {}, "Which conditions predict the outcome?"),
    el("p", { class: "lead" }, "Configurational comparison of the projects (QCA): how consistently each circumstance goes with the outcome (sufficiency), how much of the outcome it accounts for (coverage), and whether the outcome ever happens without it (necessity)."),
    el("div", { class: "controls" }, el("label", {}, "Outcome ", outcome), el("button", { type: "button", id: "analyse", onclick: () => void analyse() }, "Analyse")),
    analysis,
    el("h2", {}, "Combinations that lead to the outcome"),
    el("p", { class: "lead" }, "Choose a few circumstances; the truth table over them is reduced to the simplest combinations that were followed by the outcome."),
    el("fieldset", { class: "condition-picker" }, el("legend", {}, "Circumstances"), ...conditionBoxes.map((box) => el("label", {}, box, ` ${codeOf(box.value).label}`))),
    el("div", { class: "controls" }, el("label", {}, "Solution ", solutionType), el("button", { type: "button", id: "minimize", onclick: () => void minimize() }, "Find the combinations")),
    solution,
  );

  const names = new Map<string, string>();
  try {
    for (const i of await listNodes("Initiative")) names.set(i.name, displayName(i as GraphNode));
  } catch {
    // Case names then show as resource names.
  }
  const caseName = (name: string) => names.get(name) ?? name;

  async function analyse(): Promise<void> {
    replace(analysis, loading("the analysis"));
    try {
      const answer = await postJson<AnalyzeConditionsResponse>("/v1/conditions:analyze", { outcome: outcome.value });
      renderAnalysis(analysis, answer, caseName);
    } catch (error) {
      replace(analysis, failure(error, "the analysis of conditions", "the insight service (InsightService.AnalyzeConditions)"));
    }
  }

  async function minimize(): Promise<void> {
    const conditions = conditionBoxes.filter((b) => b.checked).map((b) => b.value);
    if (conditions.length === 0) {
      replace(solution, el("p", { class: "hint" }, "Choose at least one circumstance."));
      return;
    }
    replace(solution, loading("the combinations"));
    try {
      const answer = await postJson<MinimizeTruthTableResponse>("/v1/truthTables:minimize", { outcome: outcome.value, conditions, solutionType: solutionType.value });
      renderSolution(solution, answer, caseName);
    } catch (error) {
      replace(solution, failure(error, "the combinations (Boolean minimisation)", "the insight service (InsightService.MinimizeTruthTable)"));
    }
  }

  outcome.addEventListener("change", () => void analyse());
  await Promise.all([analyse(), minimize()]);
}

function renderAnalysis(container: HTMLElement, answer: AnalyzeConditionsResponse, caseName: (name: string) => string): void {
  const conditions = [...(answer.conditions ?? [])].sort((a, b) => (b.sufficiencyConsistency ?? 0) - (a.sufficiencyConsistency ?? 0));
  const canvas = el("canvas", { id: "conditions-chart", "aria-label": "Consistency and coverage per condition" });
  replace(
    container,
    el("p", {}, `${answer.cases?.length ?? 0} cases, outcome: ${codeOf(answer.outcome ?? "").label}.`),
    ...(answer.warnings ?? []).map((w) => el("p", { class: "notice" }, w)),
    el("div", { class: "chart-box", style: `height:${Math.max(240, conditions.length * 56 + 80)}px` }, canvas),
    el(
      "table",
      { class: "numbers", id: "conditions-table" },
      el("thead", {}, el("tr", {}, ...["Circumstance", "Sufficiency consistency", "Sufficiency coverage", "Necessity consistency", "Necessity coverage", "Cases with both"].map((h) => el("th", {}, h)))),
      el(
        "tbody",
        {},
        ...conditions.map((c) =>
          el(
            "tr",
            { "data-condition": c.condition },
            el("td", {}, readableCombination(c.condition).join(" and ")),
            el("td", {}, percent(c.sufficiencyConsistency)),
            el("td", {}, percent(c.sufficiencyCoverage)),
            el("td", {}, percent(c.necessityConsistency)),
            el("td", {}, percent(c.necessityCoverage)),
            el("td", {}, el("details", {}, el("summary", {}, `${c.casesInBoth?.length ?? 0} of ${c.casesInCondition?.length ?? 0}`), (c.casesInBoth ?? []).map(caseName).join(", "))),
          ),
        ),
      ),
    ),
  );
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: conditions.map((c) => readableCombination(c.condition).join(" and ")),
      datasets: [
        { label: "Sufficiency consistency", data: conditions.map((c) => c.sufficiencyConsistency ?? 0), backgroundColor: "#1f6fb4" },
        { label: "Sufficiency coverage", data: conditions.map((c) => c.sufficiencyCoverage ?? 0), backgroundColor: "#8fb8de" },
        { label: "Necessity consistency", data: conditions.map((c) => c.necessityConsistency ?? 0), backgroundColor: "#2e9e44" },
        { label: "Necessity coverage", data: conditions.map((c) => c.necessityCoverage ?? 0), backgroundColor: "#9fd8a9" },
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

function renderSolution(container: HTMLElement, answer: MinimizeTruthTableResponse, caseName: (name: string) => string): void {
  const models = answer.models ?? [];
  replace(container, ...(answer.warnings ?? []).map((w) => el("p", { class: "notice" }, w)));
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
