// The Programme theory page's history: every version with who made it, when and why, the refinement log (what each
// version changed against the one before), and one rule's test matrix under two versions side by side.

import { ApiError, getTheory, testProgrammeTheory } from "../api";
import type { CaseTest, EvidenceScope, RuleTest, Theory, TheoryVersionSummary } from "../api";
import { el, failure, loading, replace } from "../ui";

/** "by evaluator, 2026-12-03 08:14 UTC", or "as shipped" for version 1 while nothing was stored. */
export function made(version: { author?: string; createTime?: string }): string {
  if (!version.createTime) return `by ${version.author ?? "LocalVision"}, as shipped`;
  return `by ${version.author ?? "?"}, ${version.createTime.slice(0, 16).replace("T", " ")} UTC`;
}

/** The versions, newest last, each with its author, time, note and number of rules. */
export function versionsTable(versions: TheoryVersionSummary[], current: string): HTMLElement {
  return el(
    "table",
    { class: "headings theory-versions" },
    el("thead", {}, el("tr", {}, el("th", {}, "Version"), el("th", {}, "Made"), el("th", {}, "Why"), el("th", {}, "Rules"))),
    el(
      "tbody",
      {},
      ...versions.map((v) =>
        el(
          "tr",
          { "data-version": v.version },
          el("th", {}, v.version, v.version === current ? el("span", { class: "muted" }, " (current)") : null),
          el("td", { class: "made" }, made(v)),
          el("td", { class: "note" }, v.note ?? ""),
          el("td", {}, String((v.ruleIds ?? []).length)),
        ),
      ),
    ),
  );
}

interface Change {
  version: string;
  added: string[];
  changed: string[];
  removed: string[];
}

/** What each version added, changed and removed against the one before: rules compared as the service describes them. */
async function changes(versions: TheoryVersionSummary[]): Promise<Change[]> {
  if (versions.length < 2) return [];
  const theories: Theory[] = await Promise.all(versions.map((v) => getTheory(v.version)));
  const rules = theories.map((t) => new Map((t.rules ?? []).filter((r) => r.kind === "RULE_KIND_CMO").map((r) => [r.id, JSON.stringify(r)])));
  return versions.slice(1).map((v, i) => {
    const [before, after] = [rules[i], rules[i + 1]];
    return {
      version: v.version,
      added: [...after.keys()].filter((id) => !before.has(id)),
      changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
    };
  });
}

/** The refinement log: per version after the first, why it was made and the rules it added, changed and removed. */
export async function refinementLog(versions: TheoryVersionSummary[]): Promise<HTMLElement> {
  if (versions.length < 2) {
    return el("p", { class: "muted", id: "theory-log-empty" }, "The theory has not been refined: version 1 is the programme theory as the report states it.");
  }
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const list = (what: string, ids: string[]) => (ids.length ? el("span", { class: `log-${what}` }, ` ${what} ${ids.join(", ")};`) : null);
  return el(
    "ol",
    { class: "refinement-log" },
    ...(await changes(versions)).map((c) => {
      const v = byVersion.get(c.version)!;
      return el(
        "li",
        { "data-version": c.version },
        el("strong", {}, `Version ${c.version}`),
        el("span", { class: "muted" }, ` ${made(v)}: `),
        el("q", {}, v.note ?? ""),
        el("span", { class: "log-rules" }, list("added", c.added), list("changed", c.changed), list("removed", c.removed)),
      );
    }),
  );
}

/** A version picker for the side-by-side matrix. */
function picker(id: string, label: string, versions: TheoryVersionSummary[], chosen: string): HTMLSelectElement {
  const select = el("select", { id, "aria-label": label }, ...versions.map((v) => el("option", { value: v.version, selected: v.version === chosen }, `version ${v.version}`)));
  select.value = chosen;
  return select;
}

/**
 * One rule's test under two versions side by side: a row per case, and for each of the rule's rows (one, or one per
 * subject) its verdict under each version; the cells whose verdict differs between the two are marked. A version
 * without the rule says so. A verdict opens the case as the main matrix does.
 */
export function sideBySide(
  section: HTMLElement,
  ruleId: string,
  versions: TheoryVersionSummary[],
  chosen: { from: string; to: string },
  scope: () => EvidenceScope,
  open: (rule: RuleTest, test: CaseTest) => void,
  remember: (from: string, to: string) => void,
): void {
  const from = picker("theory-from", "Earlier version", versions, chosen.from);
  const to = picker("theory-to", "Later version", versions, chosen.to);
  const body = el("div", { class: "side-by-side" });
  section.hidden = false;
  replace(
    section,
    el("h2", {}, `${ruleId} under two versions`),
    el("div", { class: "controls" }, el("label", {}, "Version ", from), el("label", {}, "beside version ", to)),
    body,
  );
  let drawn = 0;
  const show = async () => {
    const mine = ++drawn;
    section.dataset.ready = "false";
    remember(from.value, to.value);
    replace(body, loading(`${ruleId} under versions ${from.value} and ${to.value}`));
    const sides = await Promise.all([test(ruleId, from.value, scope()), test(ruleId, to.value, scope())]);
    if (mine !== drawn) return;
    replace(body, ...sideTable(ruleId, [from.value, to.value], sides, open));
    section.dataset.ready = "true";
  };
  for (const select of [from, to]) select.addEventListener("change", () => void show());
  void show();
}

type Side = { rules: RuleTest[] } | { missing: string } | { error: unknown };

async function test(ruleId: string, version: string, scope: EvidenceScope): Promise<Side> {
  try {
    return { rules: (await testProgrammeTheory({ ...scope, rules: [ruleId], theoryVersion: version })).rules ?? [] };
  } catch (error) {
    // The service names a rule the version does not have as an invalid rules[0].
    if (error instanceof ApiError && error.httpStatus === 400) return { missing: `${ruleId} is not a rule of version ${version}.` };
    return { error };
  }
}

const SIDES = ["from", "to"] as const;

function sideTable(ruleId: string, versions: string[], sides: Side[], open: (rule: RuleTest, test: CaseTest) => void): HTMLElement[] {
  const notes: (HTMLElement | null)[] = sides.map((side, i) =>
    "missing" in side
      ? el("p", { class: "muted not-in-version", "data-side": SIDES[i] }, side.missing)
      : "error" in side
        ? el("div", { "data-side": SIDES[i] }, failure(side.error, `the test under version ${versions[i]}`, "TestProgrammeTheory's theory_version"))
        : null,
  );
  const tested = sides.map((side) => ("rules" in side ? side.rules : []));
  const subjects = [...new Set(tested.flatMap((rules) => rules.map((r) => r.subject ?? "")))];
  const cases = [...new Set(tested.flatMap((rules) => rules.flatMap((r) => (r.cases ?? []).map((c) => c.initiative))))];
  const names = new Map(tested.flatMap((rules) => rules.flatMap((r) => (r.cases ?? []).map((c) => [c.initiative, c.displayName ?? c.initiative] as const))));
  const find = (i: number, subject: string) => tested[i].find((r) => (r.subject ?? "") === subject);
  const verdictOf = (i: number, subject: string, initiative: string) => find(i, subject)?.cases?.find((c) => c.initiative === initiative);
  const letter = (verdict: string) => VERDICT_LETTERS[verdict] ?? "·";
  const summary = (i: number, subject: string) => {
    const rule = find(i, subject);
    if (!rule) return "–";
    const n = rule.counts ?? {};
    const ratio = (v?: number) => (v === undefined ? "–" : v.toFixed(2));
    return `${[n.supports, n.deviant, n.alternative, n.consistent, n.untested].map((x) => x ?? 0).join(" ")} · ${ratio(rule.consistency)} / ${ratio(rule.coverage)}`;
  };
  const table = el(
    "table",
    { class: "theory-side-by-side" },
    el(
      "thead",
      {},
      subjects.some((s) => s) ? el("tr", {}, el("th", {}), ...subjects.map((s) => el("th", { colspan: 2 }, s))) : null,
      el("tr", {}, el("th", {}, "Case"), ...subjects.flatMap(() => versions.map((v, i) => el("th", { "data-side": SIDES[i] }, `version ${v}`)))),
    ),
    el(
      "tbody",
      {},
      ...cases.map((initiative) =>
        el(
          "tr",
          { "data-case": initiative },
          el("th", { class: "rule" }, names.get(initiative) ?? initiative),
          ...subjects.flatMap((subject) => {
            const [a, b] = [verdictOf(0, subject, initiative), verdictOf(1, subject, initiative)];
            const differs = !!a && !!b && (a.verdict ?? "VERDICT_UNTESTED") !== (b.verdict ?? "VERDICT_UNTESTED");
            return [a, b].map((test, i) => {
              const rule = find(i, subject);
              if (!test || !rule) return el("td", { "data-side": SIDES[i] }, "–");
              const verdict = test.verdict ?? "VERDICT_UNTESTED";
              return el(
                "td",
                { class: differs ? "cell differs" : "cell", "data-side": SIDES[i] },
                el("button", { class: `verdict ${verdict}`, "data-case": initiative, title: `${names.get(initiative)}: ${test.reason ?? ""}`, onclick: () => open(rule, test) }, letter(verdict)),
              );
            });
          }),
        ),
      ),
    ),
    el(
      "tfoot",
      {},
      el("tr", {}, el("th", { title: "supports, deviant, alternative, consistent, untested · consistency / coverage" }, "S D A C · · cons. / cov."),
        ...subjects.flatMap((subject) => versions.map((_, i) => el("td", { class: "counts", "data-side": SIDES[i] }, summary(i, subject))))),
    ),
  );
  return [...notes.filter((n): n is HTMLElement => n !== null), cases.length ? table : el("p", { class: "muted" }, `${ruleId} is tested under neither version.`)];
}

/** The verdict letters of the main matrix's legend. */
const VERDICT_LETTERS: Record<string, string> = {
  VERDICT_SUPPORTS: "S",
  VERDICT_DEVIANT: "D",
  VERDICT_ALTERNATIVE: "A",
  VERDICT_CONSISTENT: "C",
  VERDICT_UNTESTED: "·",
};
