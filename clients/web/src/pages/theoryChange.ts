// The Programme theory page's change panel, shown only to keys with the evaluator role: rules to add or replace in
// the rule language, rules to remove, and a note; first what the change would change per case (CompareTheories of a
// proposed change, nothing stored), then applying exactly that change (ChangeTheory against the version it was
// compared with, so a change made meanwhile by someone else is refused rather than overwritten).

import { ApiError, changeTheory, compareProposedTheory } from "../api";
import type { EvidenceScope, Theory, TheoryComparison } from "../api";
import { el, loading, problem, replace } from "../ui";

function findings(list: { ruleId: string; subject?: string }[] | undefined): string {
  return (list ?? []).map((f) => f.ruleId + (f.subject ? ` (${f.subject})` : "")).join(", ");
}

function outlook(o: { rating?: string; score?: number } | undefined): string {
  return `${(o?.rating ?? "").replace(/^OUTLOOK_RATING_/, "")} ${o?.score ?? 0}`;
}

/** Each refusal's field violations, one a line: "yaml.rules[0].when[0].code: line 9: …". */
function refusal(error: unknown): HTMLElement {
  if (!(error instanceof ApiError)) return problem(error);
  const violations = error.details.flatMap((d) => d.fieldViolations ?? []);
  if (violations.length === 0) return problem(error);
  return el(
    "div",
    { class: "notice problem", role: "alert", id: "theory-change-refused" },
    el("strong", {}, "The change was refused; nothing changed."),
    el("ul", {}, ...violations.map((v) => el("li", {}, el("code", {}, v.field ?? ""), `: ${v.description ?? ""}`))),
  );
}

function diffTable(rows: TheoryComparison[]): HTMLElement {
  return el(
    "table",
    { class: "headings theory-diff" },
    el("thead", {}, el("tr", {}, el("th", {}, "Case"), el("th", {}, "Findings gained"), el("th", {}, "Findings lost"), el("th", {}, "Outlook before → after"))),
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          { "data-initiative": r.initiative },
          el("th", {}, r.displayName ?? r.initiative),
          el("td", { class: "gained" }, findings(r.gained)),
          el("td", { class: "lost" }, findings(r.lost)),
          el("td", {}, `${outlook(r.outlookBefore)} → ${outlook(r.outlookAfter)}`),
        ),
      ),
    ),
  );
}

/** The panel for changes to version `current`; `stored` is the change just applied, to say so above the empty form. */
export function changePanel(section: HTMLElement, current: string, scope: () => EvidenceScope, applied: (theory: Theory) => void, stored?: Theory): void {
  const yaml = el("textarea", { id: "theory-change-yaml", rows: 10, cols: 80, spellcheck: false, "aria-label": "Rules to add or replace", placeholder: "rules:\n  - id: …" });
  const remove = el("input", { id: "theory-change-remove", size: 40, "aria-label": "Rules to remove", placeholder: "e.g. LEARNING_NETWORK" });
  const note = el("input", { id: "theory-change-note", size: 60, "aria-label": "Why", placeholder: "refined after the West Cheshire deviant case" });
  const result = el(
    "div",
    { id: "theory-change-result" },
    stored ? el("p", { id: "theory-change-stored", class: "notice" }, `Stored version ${stored.version}: ${stored.note ?? ""}`) : null,
  );
  const apply = el("button", { type: "button", id: "theory-change-apply", disabled: true }, `Apply as version ${Number(current) + 1}`);
  const removals = () => remove.value.split(/[\s,]+/).filter((id) => id.length > 0);
  // What was compared: applying stores exactly this, against the version it was compared with.
  let compared: { yaml: string; removeRules: string[] } | null = null;
  const preview = async () => {
    compared = null;
    apply.disabled = true;
    replace(result, loading("what the change would change"));
    try {
      const change = { yaml: yaml.value, removeRules: removals() };
      const response = await compareProposedTheory({ ...scope(), ...change });
      const rows = response.initiatives ?? [];
      compared = change;
      apply.disabled = false;
      replace(
        result,
        el("p", { id: "theory-change-summary" }, rows.length
          ? `Version ${response.fromVersion} → ${response.toVersion} (proposed, not stored): the findings of ${rows.length} case(s) would change.`
          : `Version ${response.fromVersion} → ${response.toVersion} (proposed, not stored): no case's findings would change.`),
        rows.length ? diffTable(rows) : null,
      );
    } catch (error) {
      replace(result, refusal(error));
    }
  };
  const store = async () => {
    if (!compared) return;
    apply.disabled = true;
    try {
      applied(await changeTheory({ ...compared, note: note.value, expectedVersion: current }));
    } catch (error) {
      replace(result, refusal(error));
    }
  };
  for (const input of [yaml, remove]) input.addEventListener("input", () => {
    compared = null;
    apply.disabled = true;
  });
  apply.addEventListener("click", () => void store());
  replace(
    section,
    el("h2", {}, "Change the theory"),
    el("p", { class: "muted" }, `Rules in the rule language (docs/theory.md) replace the rules of the same id or are added; the change is made to version ${current}. See what it changes per case before applying it.`),
    el("p", {}, yaml),
    el("div", { class: "controls" }, el("label", {}, "Remove ", remove), el("label", {}, "Why ", note)),
    el("div", { class: "controls" }, el("button", { type: "button", id: "theory-change-preview", onclick: () => void preview() }, "Show what it changes"), apply),
    result,
  );
}
