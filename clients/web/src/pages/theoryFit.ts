import { getJson, postJson } from "../api";
import { el, failure, loading, percent, replace } from "../ui";

interface TheoryIntersection {
  label: string;
  members?: { name: string; displayName?: string }[];
  casesInOutcome?: string[];
  casesOutOfOutcome?: string[];
  consistency?: number | string;
  coverage?: number | string;
  reading?: string;
}

interface EvaluateTheoryResponse {
  theory?: string;
  solution?: string;
  model?: string;
  intersections?: TheoryIntersection[];
  caseCount?: number;
  warnings?: string[];
}

interface RuleDescription {
  id: string;
  title?: string;
  kind?: string;
  contextCodes?: string[];
}

/** What each intersection says about the theory, in the steering group's words. */
const MEANING: Record<string, string> = {
  "T*S": "Theory and combinations agree",
  "~T*S": "Found by the combinations, not foreseen by the theory",
  "T*~S": "Foreseen by the theory, not found by the combinations",
  "~T*~S": "Outside both",
};

const OWN = "";

let rules: Promise<RuleDescription[]> | undefined;

/** The programme theory's CMO rules, asked once per page load. */
function cmoRules(): Promise<RuleDescription[]> {
  rules ??= getJson<{ rules?: RuleDescription[] }>("/v1/rules")
    .then((answer) => (answer.rules ?? []).filter((r) => r.kind === "RULE_KIND_CMO" && (r.contextCodes ?? []).length > 0))
    .catch(() => []);
  return rules;
}

/** JSON carries NaN as the string "NaN": shown as "n/a". */
function ratio(value: number | string | undefined): string {
  return typeof value === "number" ? percent(value) : "n/a";
}

/**
 * "Theory against the solution" for the minimisation just asked for: a programme-theory rule whose circumstances are
 * all among those chosen, or an expression, compared with the combinations (InsightService.EvaluateTheory).
 */
export async function renderTheoryFit(
  container: HTMLElement,
  minimization: { conditions: string[] },
  caseName: (name: string) => string,
): Promise<void> {
  const usable = (await cmoRules()).filter((r) => (r.contextCodes ?? []).every((c) => minimization.conditions.includes(c)));
  const rule = el(
    "select",
    { id: "theory-rule", "aria-label": "Theory" },
    ...usable.map((r) => el("option", { value: r.id }, `${r.id}: ${r.title ?? ""}`)),
    el("option", { value: OWN }, "My own expression…"),
  );
  const expression = el("input", { type: "text", id: "theory-expression", placeholder: "e.g. SENIOR_ENGAGEMENT_EARLY*~ALIGNED_BCF", "aria-label": "Theory expression" });
  const result = el("div", { id: "theory-fit-result" });
  const showExpression = () => (expression.hidden = rule.value !== OWN);
  rule.addEventListener("change", showExpression);
  showExpression();

  async function compare(): Promise<void> {
    replace(result, loading("the comparison with the theory"));
    const theory = rule.value === OWN ? { theory: expression.value } : { rule: rule.value };
    let answer: EvaluateTheoryResponse;
    try {
      answer = await postJson<EvaluateTheoryResponse>("/v1/truthTables:evaluateTheory", { minimization, ...theory });
    } catch (error) {
      replace(result, failure(error, "the comparison with the theory", "the insight service (InsightService.EvaluateTheory)"));
      return;
    }
    renderAnswer(result, answer, caseName);
  }

  replace(
    container,
    el("h3", {}, "Theory against the solution"),
    el(
      "p",
      { class: "lead" },
      "Does what the projects show agree with the programme theory? Pick a rule whose circumstances are all among those chosen (or write your own expression): the projects fall into four groups, by whether the theory and the combinations above include them.",
    ),
    el("div", { class: "controls" }, el("label", {}, "Theory ", rule), expression, el("button", { type: "button", id: "evaluate-theory", onclick: () => void compare() }, "Compare")),
    result,
  );
}

function renderAnswer(container: HTMLElement, answer: EvaluateTheoryResponse, caseName: (name: string) => string): void {
  const names = (list: string[] | undefined) => (list ?? []).map(caseName).join(", ") || "none";
  replace(
    container,
    el("p", {}, "Theory: ", el("strong", { class: "combination" }, answer.theory ?? ""), answer.solution ? " — combinations: " : " — no combination leads to the outcome", answer.solution ? el("strong", { class: "combination" }, answer.solution) : null),
    el(
      "div",
      { class: "intersections" },
      ...(answer.intersections ?? []).map((i) =>
        el(
          "div",
          { class: "intersection", "data-label": i.label },
          el("h4", {}, `${MEANING[i.label] ?? i.label} (${i.label}): ${i.members?.length ?? 0} project${i.members?.length === 1 ? "" : "s"}`),
          el("p", { class: "with-outcome" }, "With the outcome: ", names(i.casesInOutcome)),
          el("p", { class: "without-outcome" }, "Without it: ", names(i.casesOutOfOutcome)),
          el("p", { class: "muted" }, `Consistency ${ratio(i.consistency)}, coverage ${ratio(i.coverage)}`),
        ),
      ),
    ),
    el("p", { class: "muted" }, `${answer.caseCount ?? 0} projects compared.`),
    ...(answer.warnings ?? []).filter((w) => w.includes("intersection") || w.includes("models") || w.includes(" is a ") || w.includes("bears on")).map((w) => el("p", { class: "notice" }, w)),
  );
}
