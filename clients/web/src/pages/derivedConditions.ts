import { postJson } from "../api";
import { nameMeasured } from "../catalogue";
import { el, failure, loading, replace } from "../ui";
import { withCaseNames } from "./leftOut";

/** A derived condition as the JSON API takes it (DerivedCondition in insight.proto, docs/predictors.md). */
export interface DerivedCondition {
  name: string;
  network?: { kind: string; asOf?: string };
  property?: { property: string; of: string };
  calibration: { method: string; thresholds: number[] };
}

/** The page's analysis choices a preview is computed under, so that it shows the cases the analyses will use. */
export interface PreviewScope {
  outcome: string;
  unknownPolicy: string;
}

interface CasePoint {
  name: string;
  condition?: number;
}

interface PreviewAnalysis {
  conditions?: { condition: string; points?: CasePoint[] }[];
  excluded?: { name: string; reason?: string }[];
  warnings?: string[];
}

interface Calibrated {
  names?: string[];
  values?: number[];
  memberships?: number[];
}

const SOURCES: [string, string][] = [
  ["NETWORK_MEASURE_KIND_LEAD_PARTNER_BROKERAGE", "Lead partner's brokerage (betweenness)"],
  ["NETWORK_MEASURE_KIND_PARTNER_NETWORK_DENSITY", "Density of the ties among its partners"],
  ["NETWORK_MEASURE_KIND_PARTNER_KIND_COUNT", "Number of kinds of partner"],
  ["PROPERTY_HOLDER_INITIATIVE", "A number recorded on the project (e.g. funding)"],
  ["PROPERTY_HOLDER_LOCALITY", "An indicator of its locality (Appendix 4, e.g. population)"],
];

const sourceWords = new Map(SOURCES);

/** The source of a derived condition in words, for its label beside the catalogue's circumstances. */
function described(condition: DerivedCondition): string {
  const source = condition.network
    ? sourceWords.get(condition.network.kind)!.toLowerCase() + (condition.network.asOf ? ` on ${condition.network.asOf.slice(0, 10)}` : "")
    : `${condition.property!.of === "PROPERTY_HOLDER_LOCALITY" ? "its locality's" : "its"} ${condition.property!.property}`;
  return `${condition.name} (${source})`;
}

/**
 * "Add a measured circumstance": a network measure or a numeric property calibrated into a set by the server, previewed
 * project by project before it is added. `changed` is called after each addition or removal; `list` gives the
 * conditions to send as derivedConditions in every request of the page.
 */
export function measuredCircumstances(scope: () => PreviewScope, caseName: (name: string) => string, changed: (removed: boolean) => void) {
  const added: DerivedCondition[] = [];
  const source = el("select", { id: "derived-source", "aria-label": "Source" }, ...SOURCES.map(([value, label]) => el("option", { value }, label)));
  const property = el("input", { id: "derived-property", "aria-label": "Property", placeholder: "funding or population" });
  const date = el("input", { id: "derived-date", type: "date", "aria-label": "As of" });
  const method = el(
    "select",
    { id: "derived-method", "aria-label": "Calibration" },
    el("option", { value: "CALIBRATION_METHOD_DIRECT" }, "Direct: three anchors"),
    el("option", { value: "CALIBRATION_METHOD_INDIRECT" }, "Indirect: group boundaries"),
  );
  const anchor = (id: string, label: string) => el("input", { id, type: "number", step: "any", "aria-label": label, class: "anchor" });
  const exclusion = anchor("derived-exclusion", "Exclusion (fully out)");
  const crossover = anchor("derived-crossover", "Crossover (neither in nor out)");
  const inclusion = anchor("derived-inclusion", "Inclusion (fully in)");
  const boundaries = el("input", { id: "derived-boundaries", "aria-label": "Group boundaries", placeholder: "e.g. 1, 2, 3" });
  const name = el("input", { id: "derived-name", "aria-label": "Name", placeholder: "e.g. MANY_KINDS" });
  const propertyLabel = el("label", {}, "Property ", property);
  const dateLabel = el("label", {}, "As of ", date);
  const anchors = el("span", { class: "anchors" }, el("label", {}, "Exclusion ", exclusion), el("label", {}, "Crossover ", crossover), el("label", {}, "Inclusion ", inclusion));
  const groups = el("label", {}, "Boundaries ", boundaries);
  const preview = el("div", { id: "derived-preview" });
  const list = el("ul", { id: "derived-list" });

  const showFields = () => {
    const network = source.value.startsWith("NETWORK_");
    propertyLabel.hidden = network;
    dateLabel.hidden = !network;
    anchors.hidden = method.value !== "CALIBRATION_METHOD_DIRECT";
    groups.hidden = !anchors.hidden;
  };
  source.addEventListener("change", showFields);
  method.addEventListener("change", showFields);
  showFields();

  /** The condition the form describes; the server checks the name and the thresholds. */
  function fromForm(): DerivedCondition {
    const direct = method.value === "CALIBRATION_METHOD_DIRECT";
    const thresholds = direct
      ? [exclusion, crossover, inclusion].map((input) => input.valueAsNumber)
      : boundaries.value.split(",").map((part) => part.trim()).filter((part) => part.length > 0).map(Number);
    const condition: DerivedCondition = { name: name.value.trim(), calibration: { method: method.value, thresholds } };
    if (source.value.startsWith("NETWORK_")) condition.network = { kind: source.value, asOf: date.value ? `${date.value}T00:00:00Z` : undefined };
    else condition.property = { property: property.value.trim(), of: source.value };
    return condition;
  }

  /** Each project's membership as the server calibrates it (and its raw value where Calibrate gives it); false when refused. */
  async function showPreview(condition: DerivedCondition): Promise<boolean> {
    replace(preview, loading("the preview"));
    const { outcome, unknownPolicy } = scope();
    let analysis: PreviewAnalysis;
    try {
      analysis = await postJson<PreviewAnalysis>("/v1/conditions:analyze", { outcome, unknownPolicy, conditions: [condition.name], derivedConditions: [...added, condition] });
    } catch (error) {
      replace(preview, failure(error, "measured circumstances", "the insight service (derived conditions)"));
      return false;
    }
    const values = await rawValues(condition);
    const raw = values instanceof Map ? values : undefined;
    const points = [...(analysis.conditions?.[0]?.points ?? [])].sort((a, b) => (b.condition ?? 0) - (a.condition ?? 0) || caseName(a.name).localeCompare(caseName(b.name)));
    replace(
      preview,
      el("p", { class: "muted" }, `${described(condition)}: each project's membership as the server calibrated it, on the ${points.length === 1 ? "1 project that" : `${points.length} projects that`} recorded ${outcome.toLowerCase().replaceAll("_", " ")}.`),
      ...(analysis.warnings ?? []).filter((w) => w.startsWith(`${condition.name}: `)).map((w) => el("p", { class: "notice" }, withCaseNames(w, caseName))),
      values instanceof HTMLElement ? values : null,
      values ? null : el("p", { class: "hint" }, "The server gives the raw values of a project's own numbers only (Calibrate); for network measures and locality indicators it gives the memberships."),
      el(
        "table",
        { class: "numbers", id: "derived-preview-table" },
        el("thead", {}, el("tr", {}, ...["Project", "Raw value", "Membership"].map((h) => el("th", {}, h)))),
        el(
          "tbody",
          {},
          ...points.map((p) =>
            el("tr", { "data-case": p.name }, el("td", {}, caseName(p.name)), el("td", {}, raw?.get(p.name) === undefined ? "" : String(raw.get(p.name))), el("td", {}, (p.condition ?? 0).toFixed(2))),
          ),
        ),
      ),
    );
    return true;
  }

  /**
   * Calibrate gives raw values for a property of the projects themselves; the other sources have none in the API.
   * Its refusal (no project has a number for a misspelt property) is shown as the server's; the memberships still show.
   */
  async function rawValues(condition: DerivedCondition): Promise<Map<string, number> | HTMLElement | undefined> {
    if (condition.property?.of !== "PROPERTY_HOLDER_INITIATIVE") return undefined;
    try {
      const answer = await postJson<Calibrated>("/v1/sets:calibrate", { label: "Initiative", property: condition.property.property, ...condition.calibration });
      return new Map((answer.names ?? []).map((n, i) => [n, answer.values?.[i] ?? NaN]));
    } catch (error) {
      return failure(error, "raw values (calibration)", "the insight service (InsightService.Calibrate)");
    }
  }

  async function add(): Promise<void> {
    const condition = fromForm();
    if (!(await showPreview(condition))) return;
    added.push(condition);
    nameMeasured(condition.name, described(condition));
    renderList();
    changed(false);
  }

  function remove(condition: DerivedCondition): void {
    added.splice(added.indexOf(condition), 1);
    nameMeasured(condition.name, undefined);
    renderList();
    changed(true);
  }

  function renderList(): void {
    replace(
      list,
      ...added.map((c) =>
        el("li", { "data-derived": c.name }, described(c), " ", el("button", { type: "button", class: "remove-derived", onclick: () => remove(c) }, "Remove")),
      ),
    );
  }

  const element = el(
    "details",
    { id: "measured-circumstances" },
    el("summary", {}, "Add a measured circumstance"),
    el("p", { class: "lead" }, "A circumstance measured for each project — from its partner network or a number recorded on it or its locality — calibrated into a set by the server. It then takes part in every analysis below."),
    el("div", { class: "controls" }, el("label", {}, "Source ", source), propertyLabel, dateLabel),
    el("div", { class: "controls" }, el("label", {}, "Calibration ", method), anchors, groups, el("label", {}, "Name ", name)),
    el(
      "div",
      { class: "controls" },
      el("button", { type: "button", id: "derived-preview-button", onclick: () => void showPreview(fromForm()) }, "Preview"),
      el("button", { type: "button", id: "derived-add", onclick: () => void add() }, "Add"),
    ),
    preview,
    list,
  );
  return { element, list: (): DerivedCondition[] => [...added] };
}
