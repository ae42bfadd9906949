import { ApiError, displayName, getNode, listNodes, postJson } from "../api";
import type { GraphNode } from "../api";
import { can } from "../session";
import { append, el, failure, loading, pretty, problem, replace } from "../ui";

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
  tieBreak?: string;
}

interface Constraint {
  attribute: string;
  value: string;
  min: number;
}

const LA_TYPES = ["COUNTY", "UNITARY", "METROPOLITAN_BOROUGH", "LONDON_BOROUGH"];

const LA_TYPE_NAMES: Record<string, [one: string, many: string]> = {
  COUNTY: ["County", "Counties"],
  UNITARY: ["Unitary authority", "Unitary authorities"],
  METROPOLITAN_BOROUGH: ["Metropolitan borough", "Metropolitan boroughs"],
  LONDON_BOROUGH: ["London borough", "London boroughs"],
};

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

const FAILED_PRECONDITION = 9;
const RESOURCE_EXHAUSTED = 8;

function laTypeName(laType: string, count = 1): string {
  const names = LA_TYPE_NAMES[laType];
  return names ? names[count === 1 ? 0 : 1] : pretty(laType);
}

/** A locality's kinds of area: `laType` is one value, or several for an area spanning councils. */
function laTypesOf(locality: GraphNode | undefined): string[] {
  const value = locality?.properties?.laType;
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
}

export async function renderCohort(root: HTMLElement): Promise<void> {
  const size = el("input", { id: "cohort-size", type: "number", min: 1, max: 50, value: 6 });
  const budget = el("input", { id: "cohort-budget", type: "number", min: 0, step: 1000, value: 0 });
  const minimums = LA_TYPES.map((t) => el("input", { type: "number", min: 0, max: 20, value: t === "LONDON_BOROUGH" ? 1 : 0, "data-la-type": t }));
  const result = el("section", { id: "cohort-result" });
  const applicants = el("section", { id: "cohort-applicants" });
  replace(
    root,
    el("h1", {}, "Choosing the next cohort"),
    el("p", { class: "lead" }, "The applicants' proposals are evaluated against the ingredients and risks of the report's chapter 7; the service picks the strongest set that meets the constraints and explains every pick and every exclusion."),
    el(
      "div",
      { class: "controls" },
      el("label", {}, "Projects to fund ", size),
      el("label", {}, "Budget (£, 0 = no limit) ", budget),
      el("fieldset", {}, el("legend", {}, "At least this many of each kind of area"), ...minimums.map((m) => el("label", {}, `${laTypeName(m.dataset.laType!)} `, m))),
      el("button", { type: "button", id: "cohort-select", onclick: () => void select() }, "Choose the cohort"),
    ),
    result,
    applicants,
  );

  const initiatives = new Map<string, GraphNode>();
  const localities = new Map<string, GraphNode>();
  try {
    for (const node of await listNodes("Initiative")) initiatives.set(node.name, node);
    for (const node of await listNodes("Locality")) localities.set(node.name, node);
  } catch {
    // Names then show as resource names, and the picture without kinds of area.
  }
  const nameOf = (name: string | undefined) => {
    if (!name) return "";
    const node = initiatives.get(name) ?? localities.get(name);
    return node ? displayName(node) : name;
  };

  // Without applicants marked yet (`applicant: true`), rehearse the choice on the past Local Vision projects.
  const isApplicant = (node: GraphNode) => node.properties?.applicant === true;
  const filter = () => ([...initiatives.values()].some(isApplicant) ? "applicant = true" : 'kind = "LV_PROJECT"');

  async function select(): Promise<void> {
    replace(result, loading("the selection"));
    for (const m of minimums) m.classList.remove("binds");
    size.classList.remove("binds");
    budget.classList.remove("binds");
    const constraints: Constraint[] = minimums
      .filter((m) => Number(m.value) > 0)
      .map((m) => ({ attribute: "laType", value: m.dataset.laType!, min: Number(m.value) }));
    const rehearsal = filter() !== "applicant = true";
    try {
      const answer = await postJson<SelectCohortResponse>("/v1/cohorts:select", { size: Number(size.value), budget: Number(budget.value), constraints, filter: filter() });
      replace(
        result,
        rehearsal ? el("p", { class: "notice", id: "cohort-rehearsal" }, "No applicants are marked yet, so this rehearses the choice on the past Local Vision projects.") : null,
        ...(answer.warnings ?? []).map((w) => el("p", { class: "notice" }, w)),
        el(
          "p",
          { id: "cohort-summary" },
          `${answer.selected?.length ?? 0} chosen, total readiness ${(answer.totalScore ?? 0).toFixed(2)}, funding ${pounds.format(answer.totalFunding ?? 0)}. `,
          answer.optimal ? "This is the best selection under the constraints." : "The selection is good but not proven to be the best.",
        ),
        picture(answer, constraints, Number(budget.value), localities),
        answer.tieBreak ? el("p", { class: "muted", id: "cohort-tie-break" }, `Ties: ${answer.tieBreak}.`) : null,
        el("h2", {}, "Chosen"),
        el("div", { class: "candidates", id: "cohort-selected" }, ...(answer.selected ?? []).map((c) => candidateCard(c, nameOf, localities, true))),
        el("h2", {}, "Not chosen"),
        el("div", { class: "candidates", id: "cohort-excluded" }, ...(answer.excluded ?? []).map((c) => candidateCard(c, nameOf, localities, false))),
      );
    } catch (error) {
      replace(result, explanation(error, constraints, { size, budget, minimums }) ?? failure(error, "cohort selection", "the insight service (InsightService.SelectCohort)"));
    }
  }

  let saving: Promise<void> = Promise.resolve();

  function showApplicants(): void {
    const projects = [...initiatives.values()].filter((n) => n.properties?.kind === "LV_PROJECT" || isApplicant(n)).sort((a, b) => displayName(a).localeCompare(displayName(b)));
    const marked = projects.filter(isApplicant);
    if (!can("evaluator")) {
      replace(
        applicants,
        el("h2", {}, "Applicants"),
        el("p", { class: "muted", id: "applicants-read-only" }, marked.length ? `Marked as applicants: ${marked.map((n) => displayName(n)).join(", ")}.` : "No initiative is marked as an applicant yet.", " Marking applicants needs a key with the evaluator role."),
      );
      return;
    }
    const status = el("p", { class: "muted", id: "applicants-status", role: "status" });
    replace(
      applicants,
      el("h2", {}, "Applicants"),
      el("p", { class: "lead" }, "Tick the initiatives applying for the next cohort; the choice above is then made among them. Each tick is saved at once, and the audit log records who made it."),
      el(
        "div",
        { class: "applicant-list", id: "applicant-list" },
        ...projects.map((node) => {
          const box = el("input", { type: "checkbox", "data-initiative": node.name, checked: isApplicant(node) });
          box.addEventListener("change", () => {
            const wanted = box.checked;
            box.disabled = true;
            saving = saving.then(() => mark(node, box, wanted, status));
          });
          return el("label", {}, box, ` ${displayName(node)}`);
        }),
      ),
      status,
    );
  }

  /**
   * Saves one applicant mark: the node as stored, with `applicant` set, written back whole (so nothing else changes).
   * Marks are saved one after another, in the order they were ticked (`saving`): two in flight at once finished in
   * either order, so the status named whichever came last, and an older selection could replace a newer one.
   */
  async function mark(node: GraphNode, box: HTMLInputElement, wanted: boolean, status: HTMLElement): Promise<void> {
    try {
      const stored = await getNode(node.name);
      const properties = { ...(stored.properties ?? {}), applicant: wanted };
      const answer = await postJson<{ nodes?: GraphNode[] }>("/v1/nodes:upsert", { nodes: [{ ...stored, properties }] });
      initiatives.set(node.name, answer.nodes?.[0] ?? { ...stored, properties });
      replace(status, `${displayName(node)} ${wanted ? "is now" : "is no longer"} an applicant.`);
      await select();
    } catch (error) {
      box.checked = !wanted;
      replace(status, problem(error));
    } finally {
      box.disabled = false;
    }
  }

  showApplicants();
  await select();
}

/**
 * The chosen cohort against the constraints: for each kind of area, how many were chosen beside the minimum asked
 * for; and how much of the budget the cohort uses.
 */
function picture(answer: SelectCohortResponse, constraints: Constraint[], budget: number, localities: Map<string, GraphNode>): HTMLElement {
  const chosen = answer.selected ?? [];
  const places = Math.max(chosen.length, ...constraints.map((c) => c.min), 1);
  const rows = LA_TYPES.map((laType) => {
    const count = chosen.filter((c) => laTypesOf(localities.get(c.locality ?? "")).includes(laType)).length;
    const minimum = constraints.find((c) => c.value === laType)?.min ?? 0;
    const fill = el("span", { class: "bar-fill" });
    fill.style.width = `${(100 * count) / places}%`;
    const track = el("span", { class: "bar-track" }, fill);
    if (minimum > 0) {
      const marker = el("span", { class: "bar-minimum", title: `at least ${minimum}` });
      marker.style.left = `${(100 * minimum) / places}%`;
      track.append(marker);
    }
    const met = count >= minimum;
    return el(
      "div",
      { class: `constraint-bar${minimum > 0 ? (met ? " met" : " unmet") : ""}`, "data-la-type": laType, "data-count": count },
      el("span", { class: "bar-label" }, laTypeName(laType, 2)),
      track,
      el("span", { class: "bar-words" }, `${count} chosen` + (minimum > 0 ? ` · at least ${minimum} ${met ? "✓" : "✗"}` : "")),
    );
  });
  const used = answer.totalFunding ?? 0;
  const budgetFill = el("span", { class: "bar-fill money" });
  budgetFill.style.width = budget > 0 ? `${Math.min(100, (100 * used) / budget)}%` : "100%";
  const budgetRow = el(
    "div",
    { class: "constraint-bar budget", id: "cohort-budget-bar", "data-used": used, "data-budget": budget },
    el("span", { class: "bar-label" }, "Budget"),
    el("span", { class: "bar-track" }, budgetFill),
    el("span", { class: "bar-words" }, budget > 0 ? `${pounds.format(used)} of ${pounds.format(budget)} (${Math.round((100 * used) / budget)}%), ${pounds.format(budget - used)} left` : `${pounds.format(used)}; no budget limit`),
  );
  return el(
    "figure",
    { class: "cohort-picture", id: "cohort-picture" },
    el("figcaption", {}, "The chosen cohort against the constraints: projects of each kind of area (the line marks the minimum asked for), and the budget used."),
    ...rows,
    budgetRow,
  );
}

interface Inputs {
  size: HTMLInputElement;
  budget: HTMLInputElement;
  minimums: HTMLInputElement[];
}

/**
 * An infeasible request or an exhausted search, in words: which constraint binds and what would relax it, from the
 * service's google.rpc.PreconditionFailure (one violation per binding constraint). Null for any other failure.
 */
function explanation(error: unknown, constraints: Constraint[], inputs: Inputs): HTMLElement | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === RESOURCE_EXHAUSTED) {
    return el(
      "div",
      { class: "notice infeasible", id: "cohort-exhausted", role: "status" },
      el("strong", {}, "The search ran out of time before it found a cohort. "),
      "One may still exist: loosen a minimum or the budget, or fund fewer projects, and choose again. ",
      el("span", { class: "muted" }, error.message),
    );
  }
  const violations = error.code === FAILED_PRECONDITION ? error.details.flatMap((d) => d.violations ?? []).filter((v) => v.type?.startsWith("COHORT_")) : [];
  if (violations.length === 0) return null;
  const together = violations.some((v) => v.type === "COHORT_CONSTRAINTS_BIND_TOGETHER");
  for (const v of violations) bindingInput(v.subject ?? "", constraints, inputs)?.classList.add("binds");
  return el(
    "div",
    { class: "notice infeasible", id: "cohort-infeasible", role: "status" },
    el("strong", {}, "No cohort can meet these settings. "),
    together
      ? "No one constraint rules it out; they bind together, and any one of these changes would make a cohort possible:"
      : violations.length === 1
        ? "This constraint rules out every cohort:"
        : "Each of these rules out every cohort by itself, so each must change:",
    el("ul", {}, ...violations.map((v) => el("li", { "data-subject": v.subject ?? "" }, v.description ?? ""))),
  );
}

/** The input a binding constraint came from: `constraints[i]` is the i-th minimum sent, `budget` and `size` their own. */
function bindingInput(subject: string, constraints: Constraint[], inputs: Inputs): HTMLInputElement | undefined {
  if (subject === "budget") return inputs.budget;
  if (subject === "size") return inputs.size;
  const index = /^constraints\[(\d+)\]$/.exec(subject)?.[1];
  const laType = index === undefined ? undefined : constraints[Number(index)]?.value;
  return inputs.minimums.find((m) => m.dataset.laType === laType);
}

function candidateCard(candidate: CohortCandidate, nameOf: (name: string | undefined) => string, localities: Map<string, GraphNode>, chosen: boolean): HTMLElement {
  const kinds = laTypesOf(localities.get(candidate.locality ?? "")).map((t) => laTypeName(t));
  const card = el(
    "div",
    { class: `card candidate ${chosen ? "chosen" : "left-out"}`, "data-initiative": candidate.initiative },
    el("h3", {}, nameOf(candidate.initiative)),
    el(
      "p",
      { class: "muted" },
      [nameOf(candidate.locality), kinds.join(" and "), `readiness ${(candidate.score ?? 0).toFixed(2)}`, candidate.funding ? pounds.format(candidate.funding) : ""].filter(Boolean).join(" · "),
    ),
  );
  // Reasons name initiatives by resource name; people read their names.
  const readable = (reason: string) => reason.replace(/\b(?:initiatives|localities)\/[a-z0-9-]+/g, (name) => nameOf(name));
  append(card, el("ul", {}, ...(candidate.reasons ?? []).map((r) => el("li", { class: r.includes("tie-break") || r.includes("ties with the chosen") ? "tie" : undefined }, readable(r)))));
  return card;
}
