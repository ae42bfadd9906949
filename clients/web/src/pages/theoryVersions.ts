// The Programme theory page's history: every version with who made it, when and why, the refinement log (what each
// version changed against the one before), and one rule's test matrix under two versions side by side.

import { ApiError, getTheory, testProgrammeTheory } from "../api";
import type { EvidenceScope, RuleTest, Theory, TheoryVersionSummary } from "../api";
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
 * One rule's test matrix under two versions side by side, drawn by `draw` as the main matrix is; the cells whose
 * verdict differs between the two are marked. A rule a version does not have says so on its side.
 */
export function sideBySide(
  section: HTMLElement,
  ruleId: string,
  versions: TheoryVersionSummary[],
  chosen: { from: string; to: string },
  scope: () => EvidenceScope,
  draw: (rules: RuleTest[]) => HTMLElement,
  remember: (from: string, to: string) => void,
): void {
  const from = picker("theory-from", "Earlier version", versions, chosen.from);
  const to = picker("theory-to", "Later version", versions, chosen.to);
  const left = el("div", { class: "side", "data-side": "from" });
  const right = el("div", { class: "side", "data-side": "to" });
  section.hidden = false;
  replace(
    section,
    el("h2", {}, `${ruleId} under two versions`),
    el("div", { class: "controls" }, el("label", {}, "Version ", from), el("label", {}, "beside version ", to)),
    el("div", { class: "side-by-side" }, left, right),
  );
  const show = async () => {
    remember(from.value, to.value);
    replace(left, loading(`${ruleId} under version ${from.value}`));
    replace(right, loading(`${ruleId} under version ${to.value}`));
    const [a, b] = await Promise.all([test(ruleId, from.value, scope()), test(ruleId, to.value, scope())]);
    drawSide(left, from.value, a, b, draw);
    drawSide(right, to.value, b, a, draw);
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

function drawSide(into: HTMLElement, version: string, side: Side, other: Side, draw: (rules: RuleTest[]) => HTMLElement): void {
  if ("missing" in side) return replace(into, el("h3", {}, `Version ${version}`), el("p", { class: "muted not-in-version" }, side.missing));
  if ("error" in side) return replace(into, el("h3", {}, `Version ${version}`), failure(side.error, "the test under this version", "TestProgrammeTheory's theory_version"));
  const matrix = draw(side.rules);
  if ("rules" in other) {
    const verdicts = new Map(other.rules.flatMap((r) => (r.cases ?? []).map((c) => [`${r.subject ?? ""}|${c.initiative}`, c.verdict ?? "VERDICT_UNTESTED"])));
    for (const rule of side.rules) {
      for (const c of rule.cases ?? []) {
        if (verdicts.get(`${rule.subject ?? ""}|${c.initiative}`) === (c.verdict ?? "VERDICT_UNTESTED")) continue;
        const row = [...matrix.querySelectorAll<HTMLElement>("tbody tr")].find((tr) => tr.dataset.subject === (rule.subject ?? ""));
        row?.querySelector(`button[data-case="${c.initiative}"]`)?.closest("td")?.classList.add("differs");
      }
    }
  }
  replace(into, el("h3", {}, `Version ${version}`), matrix);
}
