import { displayName, listNodes, postJson } from "../api";
import { append, el, failure, loading, pretty, replace } from "../ui";

interface CohortCandidate {
  initiative: string;
  locality?: string;
  score?: number;
  funding?: number;
  selected?: boolean;
  reasons?: string[];
}

interface SelectCohortResponse {
  selected?: CohortCandidate[];
  excluded?: CohortCandidate[];
  totalScore?: number;
  totalFunding?: number;
  optimal?: boolean;
  warnings?: string[];
}

const LA_TYPES = ["COUNTY", "UNITARY", "METROPOLITAN_BOROUGH", "LONDON_BOROUGH"];

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

export async function renderCohort(root: HTMLElement): Promise<void> {
  const size = el("input", { id: "cohort-size", type: "number", min: 1, max: 50, value: 6 });
  const budget = el("input", { id: "cohort-budget", type: "number", min: 0, step: 1000, value: 0 });
  const minimums = LA_TYPES.map((t) => el("input", { type: "number", min: 0, max: 20, value: t === "LONDON_BOROUGH" ? 1 : 0, "data-la-type": t }));
  const result = el("section", { id: "cohort-result" });
  replace(
    root,
    el("h1", {}, "Choosing the next cohort"),
    el("p", { class: "lead" }, "The applicants' proposals are evaluated against the ingredients and risks of the report's chapter 7; the service picks the strongest set that meets the constraints and explains every pick and every exclusion."),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Projects to fund ", size),
      el("label", {}, "Budget (£, 0 = no limit) ", budget),
      el("fieldset", {}, el("legend", {}, "At least this many of each kind of area"), ...minimums.map((m) => el("label", {}, `${pretty(m.dataset.laType!)} `, m))),
      el("button", { type: "button", id: "cohort-select", onclick: () => void select() }, "Choose the cohort"),
    ),
    result,
  );

  const names = new Map<string, string>();
  try {
    for (const node of [...(await listNodes("Initiative")), ...(await listNodes("Locality"))]) names.set(node.name, displayName(node));
  } catch {
    // Names then show as resource names.
  }
  const nameOf = (name: string | undefined) => (name ? names.get(name) ?? name : "");

  // Without applicants marked yet (`applicant: true`), rehearse the choice on the past Local Vision projects.
  let filter = "applicant = true";
  let rehearsal = false;
  try {
    if ((await listNodes("Initiative", filter)).length === 0) {
      filter = 'kind = "LV_PROJECT"';
      rehearsal = true;
    }
  } catch {
    // The service will say what is wrong when asked to select.
  }

  async function select(): Promise<void> {
    replace(result, loading("the selection"));
    const constraints = minimums
      .filter((m) => Number(m.value) > 0)
      .map((m) => ({ attribute: "laType", value: m.dataset.laType, min: Number(m.value) }));
    try {
      const answer = await postJson<SelectCohortResponse>("/v1/cohorts:select", { size: Number(size.value), budget: Number(budget.value), constraints, filter });
      replace(
        result,
        ...(rehearsal ? [el("p", { class: "notice", id: "cohort-rehearsal" }, "No applicants are marked yet, so this rehearses the choice on the past Local Vision projects.")] : []),
        ...(answer.warnings ?? []).map((w) => el("p", { class: "notice" }, w)),
        el(
          "p",
          {},
          `${answer.selected?.length ?? 0} chosen, total readiness ${(answer.totalScore ?? 0).toFixed(2)}, funding ${pounds.format(answer.totalFunding ?? 0)}. `,
          answer.optimal ? "This is the best selection under the constraints." : "The selection is good but not proven to be the best.",
        ),
        el("h2", {}, "Chosen"),
        el("div", { class: "candidates", id: "cohort-selected" }, ...(answer.selected ?? []).map((c) => candidateCard(c, nameOf, true))),
        el("h2", {}, "Not chosen"),
        el("div", { class: "candidates", id: "cohort-excluded" }, ...(answer.excluded ?? []).map((c) => candidateCard(c, nameOf, false))),
      );
    } catch (error) {
      replace(result, failure(error, "cohort selection", "the insight service (InsightService.SelectCohort)"));
    }
  }

  await select();
}

function candidateCard(candidate: CohortCandidate, nameOf: (name: string | undefined) => string, chosen: boolean): HTMLElement {
  const card = el(
    "div",
    { class: `card candidate ${chosen ? "chosen" : "left-out"}`, "data-initiative": candidate.initiative },
    el("h3", {}, nameOf(candidate.initiative)),
    el("p", { class: "muted" }, [nameOf(candidate.locality), `readiness ${(candidate.score ?? 0).toFixed(2)}`, candidate.funding ? pounds.format(candidate.funding) : ""].filter(Boolean).join(" · ")),
  );
  append(card, el("ul", {}, ...(candidate.reasons ?? []).map((r) => el("li", {}, r))));
  return card;
}
