import { getNode, listRelationships, listTheoryVersions, testProgrammeTheory, text } from "../api";
import type { CaseTest, EvidenceScope, GraphNode, RuleTest, Theory, TheoryValue, TheoryVersionSummary, Verdict } from "../api";
import { codeOf } from "../catalogue";
import { can } from "../session";
import { el, failure, loading, pretty, replace } from "../ui";
import { changePanel } from "./theoryChange";
import { refinementLog, sideBySide, versionsTable } from "./theoryVersions";

/** The verdicts in the order a reader weighs them, each with its letter and meaning. */
const VERDICTS: [verdict: Verdict, letter: string, meaning: string][] = [
  ["VERDICT_SUPPORTS", "S", "supports: context present, outcome as the rule expects"],
  ["VERDICT_DEVIANT", "D", "deviant: context present, outcome not as expected, the case that refines the theory"],
  ["VERDICT_ALTERNATIVE", "A", "alternative: the expected result without the context"],
  ["VERDICT_CONSISTENT", "C", "consistent: neither the context nor the expected result"],
  ["VERDICT_UNTESTED", "·", "untested: context or outcome unknown"],
];

const VALUE: Record<string, string> = {
  CONDITION_VALUE_PRESENT: "present",
  CONDITION_VALUE_ABSENT: "absent",
  CONDITION_VALUE_UNKNOWN: "unknown",
};

/** A context's value is whether the rule's conditions hold, which for a rule about an absence is not the code's value. */
const HOLDS: Record<string, string> = {
  CONDITION_VALUE_PRESENT: "holds",
  CONDITION_VALUE_ABSENT: "does not hold",
  CONDITION_VALUE_UNKNOWN: "is unknown",
};

function short(initiative: string): string {
  return initiative.replace(/^initiatives\//, "").replace(/-local-vision/, "");
}

function ratio(value: number | undefined): string {
  return value === undefined ? "–" : value.toFixed(2);
}

export async function renderTheory(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const asOf = el("input", { type: "date", id: "theory-as-of", "aria-label": "As of", value: params.get("asOf") ?? "" });
  const asNowKnown = el("input", { type: "checkbox", id: "theory-as-now-known", checked: params.get("now") === "1" });
  const illustrative = el("input", { type: "checkbox", id: "theory-illustrative", checked: params.get("illustrative") === "1" });
  const matrix = el("section", { id: "theory-matrix" });
  const detail = el("section", { id: "theory-case", class: "card", hidden: true });
  const versions = el("section", { id: "theory-versions" }, loading("the versions of the theory"));
  const log = el("section", { id: "theory-log" });
  const compare = el("section", { id: "theory-compare", class: "card", hidden: true });
  const change = el("section", { id: "theory-change", class: "card" });
  replace(
    root,
    el("h1", {}, "Programme theory"),
    el(
      "p",
      { class: "lead" },
      "Each rule of the report's chapter 7 is a piece of the programme theory. Here every rule is tested against every project: where its context holds, did the outcome follow as the rule expects? Open a cell to see the observations and evidence behind its verdict; pick a rule to see its test under two versions of the theory side by side.",
    ),
    el("h2", {}, "Versions"),
    versions,
    el("h2", {}, "Refinement log"),
    log,
    el("h2", {}, "The theory tested case by case"),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "As of ", asOf),
      el("label", {}, asNowKnown, " as we now know"),
      el("label", {}, illustrative, " include illustrative data"),
    ),
    el("div", { class: "legend" }, ...VERDICTS.map(([verdict, letter, meaning]) => el("span", { class: "chip" }, el("span", { class: `verdict ${verdict}` }, letter), meaning))),
    matrix,
    compare,
    detail,
    // The page hides what the key may not do: changing the theory needs the evaluator role.
    can("evaluator") ? change : null,
  );
  const scope = (): EvidenceScope => ({ asOf: asOf.value || undefined, asNowKnown: asNowKnown.checked, includeIllustrative: illustrative.checked });
  const chosen = { rule: params.get("rule") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  let known: TheoryVersionSummary[] = [];
  const remember = () => {
    const query = new URLSearchParams();
    if (asOf.value) query.set("asOf", asOf.value);
    if (asNowKnown.checked) query.set("now", "1");
    if (illustrative.checked) query.set("illustrative", "1");
    if (chosen.rule) query.set("rule", chosen.rule);
    if (chosen.rule && chosen.from) query.set("from", chosen.from);
    if (chosen.rule && chosen.to) query.set("to", chosen.to);
    history.replaceState(null, "", `#/theory${query.size ? `?${query}` : ""}`);
  };
  const openCell = (rule: RuleTest, test: CaseTest) => void openCase(detail, rule, test);
  const pick = (ruleId: string) => {
    if (known.length === 0) return;
    chosen.rule = ruleId;
    const ids = known.map((v) => v.version);
    if (!ids.includes(chosen.from)) chosen.from = ids[0];
    if (!ids.includes(chosen.to)) chosen.to = ids[ids.length - 1];
    sideBySide(compare, ruleId, known, chosen, scope, openCell, (from, to) => {
      Object.assign(chosen, { from, to });
      remember();
    });
  };
  const show = async () => {
    remember();
    replace(matrix, loading("the rules tested against the cases"));
    detail.hidden = true;
    try {
      const response = await testProgrammeTheory(scope());
      replace(matrix, table(response.rules ?? [], openCell, pick));
    } catch (error) {
      replace(matrix, failure(error, "the programme theory test", "the evaluation service (EvaluationService.TestProgrammeTheory)"));
    }
    if (chosen.rule) pick(chosen.rule);
  };
  let stored: Theory | undefined;
  const loadVersions = async () => {
    try {
      const listed = await listTheoryVersions();
      known = listed.versions ?? [];
      replace(versions, versionsTable(known, listed.currentVersion ?? ""));
      replace(log, await refinementLog(known));
      if (can("evaluator")) {
        changePanel(change, listed.currentVersion ?? "", scope, (theory) => {
          stored = theory;
          void reload();
        }, stored);
      }
    } catch (error) {
      replace(versions, failure(error, "the versions of the programme theory", "the theory service (TheoryService.ListTheoryVersions)"));
      replace(log);
    }
  };
  const reload = async () => {
    await loadVersions();
    await show();
  };
  for (const control of [asOf, asNowKnown, illustrative]) control.addEventListener("change", () => void show());
  await reload();
}

function table(rules: RuleTest[], open: (rule: RuleTest, test: CaseTest) => void, pick?: (ruleId: string) => void): HTMLElement {
  const cases = [...new Set(rules.flatMap((r) => (r.cases ?? []).map((c) => c.initiative)))];
  const names = new Map(rules.flatMap((r) => (r.cases ?? []).map((c) => [c.initiative, c.displayName ?? c.initiative] as const)));
  return el(
    "div",
    { class: "matrix-scroll" },
    el(
      "table",
      { class: "theory-matrix" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {}, "Rule"),
          ...cases.map((c) => el("th", { class: "case", title: names.get(c) ?? c }, el("span", {}, short(c)))),
          el("th", {}, "S D A C ·"),
          el("th", { title: "Σmin(X,Y)/ΣX over the testable cases" }, "Consistency"),
          el("th", { title: "Σmin(X,Y)/ΣY over the testable cases" }, "Coverage"),
        ),
      ),
      el(
        "tbody",
        {},
        ...rules.map((rule) => {
          const byCase = new Map((rule.cases ?? []).map((c) => [c.initiative, c]));
          const counts = rule.counts ?? {};
          return el(
            "tr",
            { "data-rule": rule.ruleId, "data-subject": rule.subject ?? "" },
            el(
              "th",
              { class: `rule ${(rule.polarity ?? "").toLowerCase()}`, title: `${rule.title ?? ""}${rule.outcome ? ` → ${codeOf(rule.outcome).label}` : ""}` },
              pick
                ? el("button", { type: "button", class: "rule-pick", "data-rule": rule.ruleId, title: "Compare this rule's test under two versions", onclick: () => pick(rule.ruleId) }, `${rule.ruleId}${rule.subject ? ` (${pretty(rule.subject)})` : ""}`)
                : `${rule.ruleId}${rule.subject ? ` (${pretty(rule.subject)})` : ""}`,
              el("span", { class: "muted" }, ` §${(rule.reportSections ?? []).join(", ")}`),
            ),
            ...cases.map((c) => {
              const test = byCase.get(c);
              if (!test) return el("td", {});
              const verdict = test.verdict ?? "VERDICT_UNTESTED";
              const letter = VERDICTS.find(([v]) => v === verdict)?.[1] ?? "·";
              return el(
                "td",
                { class: "cell" },
                el(
                  "button",
                  { class: `verdict ${verdict}`, "data-case": c, title: `${names.get(c)}: ${test.reason ?? ""}`, onclick: () => open(rule, test) },
                  letter,
                ),
              );
            }),
            el("td", { class: "counts" }, [counts.supports, counts.deviant, counts.alternative, counts.consistent, counts.untested].map((n) => n ?? 0).join(" ")),
            el("td", { class: "ratio" }, ratio(rule.consistency)),
            el("td", { class: "ratio" }, ratio(rule.coverage)),
          );
        }),
      ),
    ),
  );
}

/** One cell opened: the verdict, then the context, mechanism and outcome with the observations and evidence behind each. */
async function openCase(detail: HTMLElement, rule: RuleTest, test: CaseTest): Promise<void> {
  detail.hidden = false;
  replace(detail, loading("the evidence"));
  const parts: [string, TheoryValue | undefined][] = [
    ["Context", test.context],
    ["Mechanism", test.mechanism],
    ["Outcome", test.outcome],
  ];
  const observations = [...new Set(parts.flatMap(([, v]) => v?.observations ?? []))];
  const nodes = new Map<string, GraphNode>();
  const supporting = new Map<string, string[]>();
  await Promise.all(
    observations.map(async (name) => {
      nodes.set(name, await getNode(name));
      supporting.set(name, (await listRelationships(name, "SUPPORTS")).map((r) => r.start));
    }),
  );
  const shown = new Set(parts.flatMap(([, v]) => v?.evidence ?? []));
  await Promise.all([...shown].map(async (name) => nodes.set(name, await getNode(name))));
  const verdict = VERDICTS.find(([v]) => v === test.verdict);
  replace(
    detail,
    el("h2", {}, `${rule.ruleId}${rule.subject ? ` (${pretty(rule.subject)})` : ""} in ${test.displayName ?? test.initiative}`),
    el("p", { class: "case-verdict" }, el("span", { class: `verdict ${test.verdict}` }, verdict?.[1] ?? "·"), ` ${verdict?.[2] ?? ""}. ${test.reason ?? ""}.`),
    ...parts.filter(([, v]) => v).map(([title, v]) =>
      el(
        "div",
        { class: "case-part", "data-part": title.toLowerCase() },
        el(
          "h3",
          {},
          title === "Context"
            ? `Context: the rule's context ${HOLDS[v!.value ?? ""] ?? "is unknown"}${v!.membership === undefined ? "" : ` (membership ${v!.membership})`}`
            : `${title}: ${codeOf(v!.code ?? "").label} is ${VALUE[v!.value ?? ""] ?? "unknown"}${v!.membership === undefined ? "" : ` (${v!.membership})`}`,
        ),
        ...(v!.observations ?? []).map((o) => {
          const node = nodes.get(o);
          const evidence = (supporting.get(o) ?? []).filter((e) => shown.has(e)).map((e) => nodes.get(e)).filter((e): e is GraphNode => !!e);
          return el(
            "div",
            { class: "case-observation", "data-name": o },
            el("p", {}, el("code", {}, o), ` ${text(node?.properties, "code")} ${text(node?.properties, "score")} on ${text(node?.properties, "at")}, confidence ${text(node?.properties, "confidence")}`),
            text(node?.properties, "note") ? el("p", { class: "muted" }, text(node?.properties, "note")) : null,
            evidence.length
              ? el("ul", { class: "evidence" }, ...evidence.map((e) => el("li", { class: "evidence-item", "data-name": e.name }, el("span", { class: "evidence-summary" }, text(e.properties, "summary")), el("span", { class: "muted" }, ` ${text(e.properties, "kind")} ${text(e.properties, "date")}`))))
              : null,
          );
        }),
        (v!.observations ?? []).length === 0 ? el("p", { class: "muted" }, "No observation: nobody coded it by this date.") : null,
      ),
    ),
  );
  detail.scrollIntoView({ block: "nearest" });
}
