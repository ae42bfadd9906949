// The coding catalogue in plain words, for people who do not read codes. The service's
// EvaluationService.ListCodes is the authority; this copy lets the pages speak before it is served.

export type CodeKind = "context" | "mechanism" | "outcome";

export interface Code {
  code: string;
  kind: CodeKind;
  group: string;
  label: string;
}

const context = (group: string, entries: [string, string][]): Code[] =>
  entries.map(([code, label]) => ({ code, kind: "context", group, label }));

export const CODES: Code[] = [
  ...context("Start-up (§7.1)", [
    ["FOCUSED_PROBLEM", "A distinct problem with a shared story"],
    ["LEVEL_COMMUNITY", "Worked at community level"],
    ["LEVEL_STRATEGIC", "Worked at strategic level"],
    ["PRIOR_SYSTEMS_WORK", "Partners had worked as a system before"],
    ["PRIOR_ENABLER_TIE", "Someone already knew the Enabler"],
    ["BURNING_PLATFORM", "A recognised imperative to act"],
  ]),
  ...context("Local (§7.2)", [
    ["ALIGNED_PLACE_BASED", "Ran beside a complementary place-based programme"],
    ["ALIGNED_BCF", "Ran beside the Better Care Fund"],
    ["OWNER_PUBLIC_HEALTH", "Led by public health"],
    ["OWNER_PARTNERSHIP_BODY", "Led by a partnership body (board or CCG)"],
    ["OWNER_LOCAL_AUTHORITY", "Led by the local authority"],
    ["OWNER_HEALTH", "Led by a health organisation"],
    ["OWNER_VOLUNTARY", "Led by a voluntary organisation"],
    ["DEDICATED_SUPPORT", "Dedicated project and admin support"],
    ["SENIOR_ENGAGEMENT_EARLY", "Senior leaders involved from the start"],
    ["POLITICAL_ENGAGEMENT", "Elected members engaged"],
  ]),
  ...context("Process (§7.3)", [
    ["ENABLER_MATCHED", "A credible, well-matched Enabler"],
    ["COMMUNITY_ENGAGEMENT", "Met communities and service users directly"],
    ["MOU_AGREED", "A memorandum of understanding agreed"],
    ["LEARNING_NETWORK", "Took part in the learning network"],
    ["ADEQUATE_TIME", "Enough lead time and length"],
    ["FOLLOW_ON_FUNDING", "Follow-on funding secured"],
    ["CLINICIAN_ENGAGEMENT", "Clinicians engaged"],
  ]),
  ...context("Sustainability (§7.4, §8)", [
    ["EXIT_PLANNED", "The Enabler's exit planned from the start"],
    ["LOCAL_SUCCESSOR", "Someone local to carry it on"],
    ["STRATEGIC_PRIORITY_LINK", "Linked to a strategic priority"],
    ["OUTCOME_METRICS", "Baseline and measures in place"],
    ["DATA_AS_LEVER", "Data used to hold up the mirror"],
  ]),
  ...(
    [
      ["HOLDING_UP_THE_MIRROR", "Holding up the mirror"],
      ["SAFE_SPACE", "A safe space to talk"],
      ["USER_PERSPECTIVE", "Seeing it as a service user does (the light-bulb moment)"],
      ["NATIONAL_LEGITIMACY", "The weight of a national programme"],
      ["RECONNECTING_PURPOSE", "Reconnecting with purpose"],
      ["TRUST_BUILDING", "Building trust"],
      ["PERMISSION_TO_EXPERIMENT", "Permission to experiment"],
      ["SHARED_NARRATIVE", "A shared narrative"],
      ["ROLE_MODELLING", "Role modelling"],
    ] as [string, string][]
  ).map(([code, label]): Code => ({ code, kind: "mechanism", group: "Mechanisms", label })),
  ...(
    [
      ["THINKING_SYSTEMICALLY", "Thinking as a system"],
      ["WORKING_COLLABORATIVELY", "Working together"],
      ["ENGAGING_SERVICE_USERS", "Engaging service users"],
      ["SHARED_LEADERSHIP", "Shared leadership"],
      ["INFLUENCING_STRATEGY", "Influencing strategy"],
      ["GENERATING_INCOME", "Generating income"],
      ["ENGAGING_PROFESSIONALS", "Engaging professionals"],
      ["IMPROVING_SERVICES", "Improving services"],
      ["CATALYSING_CHANGE", "Catalysing change"],
      ["NEW_WAYS_OF_WORKING", "New ways of working"],
      ["MOMENTUM", "Commitment and momentum built"],
      ["MOMENTUM_AFTER_EXIT", "Momentum kept after the Enabler left"],
      ["SCALED_UP", "Rolled out or followed on"],
    ] as [string, string][]
  ).map(([code, label]): Code => ({ code, kind: "outcome", group: "Outcomes", label })),
];

const byCode = new Map(CODES.map((c) => [c.code, c]));
const order = new Map(CODES.map((c, i) => [c.code, i]));

/** Catalogue order: start-up, local, process and sustainability contexts, then mechanisms, then outcomes. */
export function catalogueOrder(code: string): number {
  return order.get(code) ?? CODES.length;
}

export function codeOf(code: string): Code {
  return byCode.get(code) ?? { code, kind: "context", group: "Other", label: code.toLowerCase().replaceAll("_", " ") };
}

const MEASURED = "Measured";

/** A measured circumstance the Predictors page added goes by its own name and source; undefined forgets it. */
export function nameMeasured(name: string, label: string | undefined): void {
  if (label === undefined) byCode.delete(name);
  else byCode.set(name, { code: name, kind: "context", group: MEASURED, label });
}

export const KIND_TITLES: Record<CodeKind, string> = {
  context: "Context: the circumstances",
  mechanism: "Mechanisms: what people responded to",
  outcome: "Outcomes: what changed",
};

/** `SENIOR_ENGAGEMENT_EARLY*~ALIGNED_BCF` as words: one phrase per part, NOT before a negation. */
export function readableCombination(expression: string): string[] {
  return expression
    .split("*")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => (part.startsWith("~") ? `NOT ${negated(codeOf(part.slice(1)))}` : codeOf(part).label));
}

/** A measured circumstance's label starts with its name, kept as written. */
function negated(code: Code): string {
  return code.group === MEASURED ? code.label : lowerFirst(code.label);
}

function lowerFirst(words: string): string {
  return words.charAt(0).toLowerCase() + words.slice(1);
}
