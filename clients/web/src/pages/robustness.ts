import { postJson } from "../api";
import { readableCombination } from "../catalogue";
import { el, failure, loading, percent, replace } from "../ui";

interface RobustnessRun {
  label: string;
  models?: string[];
  terms?: string[];
  consistency?: number | string;
  coverage?: number | string;
  caseCount?: number;
  note?: string;
}

interface TestRobustnessResponse {
  initial?: RobustnessRun;
  tests?: RobustnessRun[];
  robustCore?: string[];
  consistency?: { low?: number | string; high?: number | string };
  coverage?: { low?: number | string; high?: number | string };
  fit?: { rfCov?: number | string; rfCons?: number | string; rfScMinTs?: number | string; rfScMaxTs?: number | string };
  movingCases?: { name: string; kind?: string; runs?: string[] }[];
  warnings?: string[];
}

/** What the toggle varies, as `lv predictors --robustness` does (docs/predictors.md). */
const INCLUSION_CUTOFFS = [0.75, 0.85, 0.9];
const FREQUENCY_CUTOFFS = [2];
const UNKNOWN_POLICIES = ["UNKNOWN_POLICY_AS_ABSENT", "UNKNOWN_POLICY_AS_PRESENT"];

const KINDS: Record<string, string> = {
  SHAKY_TYPICAL: "in the combinations and the outcome, but not under every choice",
  SHAKY_DEVIANT: "in the combinations without the outcome, not under every choice",
  POSSIBLE_TYPICAL: "has the outcome, in the combinations only under some choices",
  POSSIBLE_DEVIANT: "without the outcome, in the combinations only under some choices",
};

/** JSON carries NaN as the string "NaN": shown as "n/a". */
function ratio(value: number | string | undefined): string {
  return typeof value === "number" ? percent(value) : "n/a";
}

/** The robustness test of the minimisation just asked for: which combinations survive other choices, and which projects move. */
export async function renderRobustness(container: HTMLElement, minimization: object, caseName: (name: string) => string): Promise<void> {
  replace(container, loading("the robustness test"));
  let answer: TestRobustnessResponse;
  try {
    answer = await postJson<TestRobustnessResponse>("/v1/truthTables:testRobustness", {
      minimization,
      inclusionCutoffs: INCLUSION_CUTOFFS,
      frequencyCutoffs: FREQUENCY_CUTOFFS,
      unknownPolicies: UNKNOWN_POLICIES,
      leaveOneCaseOut: true,
    });
  } catch (error) {
    replace(container, failure(error, "the robustness test", "the insight service (InsightService.TestRobustness)"));
    return;
  }
  const runs = [answer.initial, ...(answer.tests ?? [])].filter((r): r is RobustnessRun => r !== undefined);
  const core = answer.robustCore ?? [];
  replace(
    container,
    el("h3", {}, "Does it hold under other choices?"),
    el(
      "p",
      { class: "lead" },
      `The search was run again ${runs.length - 1} times: with other consistency thresholds, counting a combination only with two projects, unrecorded circumstances read as absent and as present, and without each project in turn.`,
    ),
    core.length > 0
      ? el("p", { id: "robust-core" }, "Holds under every choice: ", ...core.map((t) => el("strong", { class: "combination" }, readableCombination(t).join(" and "))))
      : el("p", { id: "robust-core", class: "notice" }, "No combination holds under every choice: the answer depends on how the cases are read."),
    el(
      "p",
      { class: "muted", id: "robustness-fit" },
      `Consistency ${ratio(answer.consistency?.low)}–${ratio(answer.consistency?.high)}, coverage ${ratio(answer.coverage?.low)}–${ratio(answer.coverage?.high)} over the runs with a solution.`
        + (answer.fit ? ` Robustness fit (Oana and Schneider): RF_cov ${ratio(answer.fit.rfCov)}, RF_cons ${ratio(answer.fit.rfCons)}, RF_SC_minTS ${ratio(answer.fit.rfScMinTs)}, RF_SC_maxTS ${ratio(answer.fit.rfScMaxTs)}; 100% means the choices make no difference.` : ""),
    ),
    ...(answer.movingCases ?? []).map((m) =>
      el("p", { class: "moving-case" }, el("strong", {}, caseName(m.name)), ` ${KINDS[m.kind ?? ""] ?? ""} (${(m.runs ?? []).join(", ")})`),
    ),
    el(
      "details",
      {},
      el("summary", {}, "Every run"),
      el(
        "table",
        { class: "numbers", id: "robustness-runs" },
        el("thead", {}, el("tr", {}, ...["Run", "Projects", "Combinations", "Consistency", "Coverage"].map((h) => el("th", {}, h)))),
        el(
          "tbody",
          {},
          ...runs.map((r) =>
            el("tr", {}, el("td", {}, r.label), el("td", {}, String(r.caseCount ?? 0)), el("td", {}, (r.models ?? []).join(" | ") || `no solution: ${r.note ?? ""}`), el("td", {}, ratio(r.consistency)), el("td", {}, ratio(r.coverage))),
          ),
        ),
      ),
    ),
    ...(answer.warnings ?? []).filter((w) => w.includes("test runs have no solution")).map((w) => el("p", { class: "notice" }, w)),
  );
}
