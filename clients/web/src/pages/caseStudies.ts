import { postJson } from "../api";
import { readableCombination } from "../catalogue";
import { el, failure, loading, replace } from "../ui";
import { leftOut, withCaseNames } from "./leftOut";
import type { ExcludedCase } from "./leftOut";

interface CaseEvidence {
  code: string;
  observations?: string[];
  evidence?: string[];
}

interface CaseToStudy {
  name: string;
  displayName?: string;
  x?: number;
  y?: number;
  rank?: number;
  criterion?: number | string;
  evidence?: CaseEvidence[];
}

interface CaseGroup {
  kind?: string;
  total?: number;
  purpose?: string;
  cases?: CaseToStudy[];
}

interface FindCasesResponse {
  expression?: string;
  outcome?: string;
  relation?: string;
  groups?: CaseGroup[];
  caseCount?: number;
  casesOutOfOutcome?: number;
  excluded?: ExcludedCase[];
  warnings?: string[];
}

/** The kinds in the words of the set-theoretic case selection (Schneider and Rohlfing). */
const KINDS: Record<string, string> = {
  CASE_KIND_TYPICAL: "Typical",
  CASE_KIND_DEVIANT_CONSISTENCY: "Deviant in kind (consistency)",
  CASE_KIND_DEVIANT_DEGREE: "Deviant in degree",
  CASE_KIND_DEVIANT_COVERAGE: "Deviant for coverage",
  CASE_KIND_INDIVIDUALLY_IRRELEVANT: "Individually irrelevant",
  CASE_KIND_DEVIANT_RELEVANCE: "Deviant for relevance",
};

const SUFFICIENCY = "SET_RELATION_SUFFICIENCY";
const NECESSITY = "SET_RELATION_NECESSITY";
const WHOLE = "";

/** Memberships to two places; JSON leaves out a 0 and carries NaN as the string "NaN". */
function score(value: number | string | undefined): string {
  return typeof value === "string" ? "n/a" : (value ?? 0).toFixed(2);
}

/**
 * "Cases to study next" for the minimisation just asked for: the projects sorted against the solution, a term of it
 * or (for necessity) one circumstance, by kind, the one to study first first (InsightService.FindCases).
 */
export function renderCaseStudies(
  container: HTMLElement,
  minimization: { conditions: string[] },
  terms: string[],
  caseName: (name: string) => string,
): void {
  const relation = el(
    "select",
    { id: "cases-relation", "aria-label": "Relation" },
    el("option", { value: SUFFICIENCY }, "Sufficient for the outcome"),
    el("option", { value: NECESSITY }, "Necessary for the outcome"),
  );
  const term = el("select", { id: "cases-term", "aria-label": "Against" });
  const result = el("div", { id: "cases-result" });
  // A necessity claim can be about one circumstance (or its absence) as well as a term of the solution.
  const offer = () => {
    const chosen = term.value;
    const extra = relation.value === NECESSITY ? minimization.conditions.flatMap((c) => [c, `~${c}`]).filter((c) => !terms.includes(c)) : [];
    replace(
      term,
      el("option", { value: WHOLE }, "The whole solution"),
      ...[...terms, ...extra].map((t) => el("option", { value: t }, readableCombination(t).join(" and "))),
    );
    term.value = [...term.options].some((o) => o.value === chosen) ? chosen : WHOLE;
  };
  relation.addEventListener("change", offer);
  offer();

  async function find(): Promise<void> {
    replace(result, loading("the cases to study"));
    let answer: FindCasesResponse;
    try {
      answer = await postJson<FindCasesResponse>("/v1/truthTables:findCases", { minimization, relation: relation.value, term: term.value });
    } catch (error) {
      replace(result, failure(error, "the cases to study", "the insight service (InsightService.FindCases)"));
      return;
    }
    renderAnswer(result, answer, caseName);
  }

  replace(
    container,
    el("h3", {}, "Cases to study next"),
    el(
      "p",
      { class: "lead" },
      "Which projects to look at closely: those that show the combinations at work (typical), those that contradict them, and those they leave unexplained, each kind ranked with the one to study first on top.",
    ),
    el("div", { class: "controls" }, el("label", {}, "Claim ", relation), el("label", {}, "Against ", term), el("button", { type: "button", id: "find-cases", onclick: () => void find() }, "Find the cases")),
    result,
  );
}

function renderAnswer(container: HTMLElement, answer: FindCasesResponse, caseName: (name: string) => string): void {
  // How much each code rests on, in words; the resource names on hover; the project's page to read them.
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const evidence = (c: CaseToStudy) => {
    const codes = (c.evidence ?? []).map((e) =>
      el(
        "div",
        { title: [...(e.observations ?? []), ...(e.evidence ?? [])].join(", ") },
        `${e.code}: ${count(e.observations?.length ?? 0, "observation", "observations")}, ${count(e.evidence?.length ?? 0, "piece of evidence", "pieces of evidence")}`,
      ),
    );
    const page = c.name.startsWith("initiatives/") ? el("a", { href: `#/initiatives?name=${encodeURIComponent(c.name)}` }, "Read them →") : null;
    return codes.length === 0 ? ["none"] : [...codes, ...(page ? [page] : [])];
  };
  // The server's notices name cases by resource name; the page names them as everywhere else.
  replace(
    container,
    el("p", {}, "Sorted against ", el("strong", { class: "combination" }, answer.expression ?? ""), answer.relation === NECESSITY ? " as necessary for " : " as sufficient for ", answer.outcome ?? ""),
    ...(answer.groups ?? []).map((g) =>
      el(
        "div",
        { class: "case-group", "data-kind": g.kind ?? "" },
        el("h4", {}, `${KINDS[g.kind ?? ""] ?? g.kind ?? ""}: ${g.total ?? 0} project${g.total === 1 ? "" : "s"}`),
        el("p", { class: "muted" }, g.purpose ?? ""),
        (g.cases ?? []).length === 0
          ? el("p", { class: "muted" }, "none")
          : el(
              "table",
              { class: "numbers" },
              el("thead", {}, el("tr", {}, ...["Rank", "Project", "In the expression", "In the outcome", "Ranked by", "Evidence"].map((h) => el("th", {}, h)))),
              el(
                "tbody",
                {},
                ...(g.cases ?? []).map((c) =>
                  el(
                    "tr",
                    { class: "case-to-study", "data-name": c.name },
                    el("td", {}, String(c.rank ?? "")),
                    el("td", {}, c.displayName || caseName(c.name)),
                    el("td", {}, score(c.x)),
                    el("td", {}, score(c.y)),
                    el("td", {}, score(c.criterion)),
                    el("td", { class: "evidence" }, ...evidence(c)),
                  ),
                ),
              ),
            ),
      ),
    ),
    el("p", { class: "muted" }, `${answer.caseCount ?? 0} projects sorted${answer.relation === NECESSITY ? `; ${answer.casesOutOfOutcome ?? 0} without the outcome or the circumstance, about which a necessity claim says nothing` : ""}.`),
    // The cases left out (no value, or exactly 0.5 in the expression or the outcome), by display name, once: the
    // warnings that say the same are not repeated.
    ...leftOut("Left out", answer.excluded ?? [], caseName),
    ...(answer.warnings ?? []).filter((w) => !w.includes(" left out: ")).map((w) => el("p", { class: "notice" }, withCaseNames(w, caseName))),
  );
}
