// The service's JSON API (gRPC JSON transcoding under /v1/ on the same origin as the dashboard).

export type Properties = Record<string, unknown>;

export interface GraphNode {
  name: string;
  label: string;
  displayName?: string;
  properties?: Properties;
}

export interface Relationship {
  type: string;
  start: string;
  end: string;
  properties?: Properties;
}

export interface Subgraph {
  nodes?: GraphNode[];
  relationships?: Relationship[];
  truncated?: boolean;
}

/** A failed call, carrying the google.rpc.Status the server answered with. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    /** The status's google.rpc details, each with its `@type`. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** The server does not serve this RPC (yet): gRPC UNIMPLEMENTED, HTTP 501. */
  get unimplemented(): boolean {
    return this.httpStatus === 501 || this.code === 12;
  }

  /** No key or live session: gRPC UNAUTHENTICATED, HTTP 401. */
  get unauthenticated(): boolean {
    return this.httpStatus === 401 || this.code === 16;
  }
}

export interface ErrorDetail {
  "@type"?: string;
  violations?: { type?: string; subject?: string; description?: string }[];
  fieldViolations?: { field?: string; description?: string }[];
  reason?: string;
}

/** Fired on window when a call is refused for want of a sign-in (the session ended); `detail` is the server's message. */
export const SIGN_IN_NEEDED = "localvision:sign-in-needed";

let csrfToken = "";

/** The signed-in session's CSRF token, sent with every call that is not a GET (session.ts keeps it). */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token ?? "";
}

export function isUnimplemented(error: unknown): boolean {
  return error instanceof ApiError && error.unimplemented;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

function queryString(query?: Query): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function send(method: string, path: string, body?: unknown): Promise<string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  // Same origin only: the session cookie goes with every call and nowhere else.
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    let code = 0;
    let message = text || response.statusText;
    let details: ErrorDetail[] = [];
    try {
      const status = JSON.parse(text) as { code?: number; message?: string; details?: ErrorDetail[] };
      code = status.code ?? 0;
      message = status.message ?? message;
      details = status.details ?? [];
    } catch {
      // Not a google.rpc.Status (a proxy's page, say): keep the text.
    }
    const error = new ApiError(response.status, code, message, details);
    if (error.unauthenticated && !path.startsWith(SESSION_PATH)) window.dispatchEvent(new CustomEvent(SIGN_IN_NEEDED, { detail: message }));
    throw error;
  }
  return text;
}

export const SESSION_PATH = "/v1/session";

export async function deleteJson(path: string): Promise<void> {
  await send("DELETE", path);
}

export async function getJson<T>(path: string, query?: Query): Promise<T> {
  return JSON.parse(await send("GET", path + queryString(query))) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return JSON.parse(await send("POST", path, body)) as T;
}

/** A server-streaming RPC: one JSON message per line. */
export async function getStream<T>(path: string, query?: Query): Promise<T[]> {
  return messages<T>(await send("GET", path + queryString(query)));
}

/** A server-streaming RPC whose request is a body (POST). */
export async function postStream<T>(path: string, body: unknown): Promise<T[]> {
  return messages<T>(await send("POST", path, body));
}

function messages<T>(text: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** `/v1/partners/plymouth-hwbb` for `partners/plymouth-hwbb`. */
export function resourcePath(name: string, suffix = ""): string {
  return "/v1/" + name.split("/").map(encodeURIComponent).join("/") + suffix;
}

// GraphService

export async function getNode(name: string): Promise<GraphNode> {
  return getJson<GraphNode>(resourcePath(name));
}

/** Every node of a label, following pages to the end. */
export async function listNodes(label: string, filter?: string): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  let pageToken = "";
  do {
    const page = await getJson<{ nodes?: GraphNode[]; nextPageToken?: string }>("/v1/nodes", { label, filter, pageSize: 1000, pageToken });
    nodes.push(...(page.nodes ?? []));
    pageToken = page.nextPageToken ?? "";
  } while (pageToken);
  return nodes;
}

export async function listRelationships(node: string, type?: string): Promise<Relationship[]> {
  const relationships: Relationship[] = [];
  let pageToken = "";
  do {
    const page = await getJson<{ relationships?: Relationship[]; nextPageToken?: string }>(resourcePath(node, "/relationships"), {
      type,
      pageSize: 1000,
      pageToken,
    });
    relationships.push(...(page.relationships ?? []));
    pageToken = page.nextPageToken ?? "";
  } while (pageToken);
  return relationships;
}

export async function getNeighborhood(
  name: string,
  options: { depth: number; labels?: string[]; relationshipTypes?: string[]; limit?: number },
): Promise<Subgraph> {
  return getJson<Subgraph>(resourcePath(name, "/neighborhood"), {
    depth: options.depth,
    labels: options.labels,
    relationshipTypes: options.relationshipTypes,
    limit: options.limit,
  });
}

/** ExportGraph: the nodes of these labels and every relationship among them. */
export async function exportGraph(labels: string[]): Promise<Subgraph> {
  const batches = await getStream<Subgraph>("/v1/graph:export", { labels });
  return {
    nodes: batches.flatMap((b) => b.nodes ?? []),
    relationships: batches.flatMap((b) => b.relationships ?? []),
  };
}

export function text(properties: Properties | undefined, key: string): string {
  const value = properties?.[key];
  return value === undefined || value === null ? "" : String(value);
}

export function displayName(node: GraphNode | undefined, fallback = ""): string {
  return node?.displayName || text(node?.properties, "name") || node?.name || fallback;
}

// EvaluationService

export type ConditionValue = "CONDITION_VALUE_PRESENT" | "CONDITION_VALUE_ABSENT" | "CONDITION_VALUE_UNKNOWN";

export interface DerivedFact {
  code: string;
  score?: number;
  source?: string;
  nodes?: string[];
}

export interface EvaluatedCondition {
  code: string;
  value?: ConditionValue;
  score?: number;
  sources?: string[];
  observations?: string[];
  evidence?: string[];
  derivedFacts?: DerivedFact[];
  tentative?: boolean;
  illustrative?: boolean;
}

export interface Finding {
  ruleId: string;
  polarity: string;
  title: string;
  explanation?: string;
  reportSection?: string;
  reportSections?: string[];
  subject?: string;
  observations?: string[];
  evidence?: string[];
  derivedFacts?: DerivedFact[];
  conditions?: EvaluatedCondition[];
  mechanism?: { code: string; observed?: string; score?: number; observations?: string[]; evidence?: string[] };
  tentative?: boolean;
  illustrative?: boolean;
  weight?: number;
}

export interface UnassessedIngredient {
  rule: string;
  title?: string;
  sections?: string[];
  missingCodes?: string[];
  subject?: string;
  polarity?: string;
  unknown?: string[];
  reason?: string;
}

export interface Evaluation {
  initiative: string;
  displayName?: string;
  asOf?: string;
  status?: string;
  findings?: Finding[];
  notAssessed?: UnassessedIngredient[];
  conditions?: EvaluatedCondition[];
  includeIllustrative?: boolean;
  asNowKnown?: boolean;
  outlook?: {
    rating?: string;
    score?: number;
    reasons?: string[];
    cautions?: string[];
    contributions?: { ruleId: string; subject?: string; weight?: number; tentative?: boolean; counted?: boolean; reason?: string }[];
  };
}

/** What an evaluation may use: a date, "as we now know" or as known then, with or without illustrative data. */
export interface EvidenceScope {
  asOf?: string;
  asNowKnown?: boolean;
  includeIllustrative?: boolean;
}

function scopeQuery(scope: EvidenceScope): Query {
  return {
    asOf: scope.asOf ? `${scope.asOf}T00:00:00Z` : undefined,
    asNowKnown: scope.asNowKnown || undefined,
    includeIllustrative: scope.includeIllustrative || undefined,
  };
}

export async function getEvaluation(initiative: string, scope: EvidenceScope = {}): Promise<Evaluation> {
  return getJson<Evaluation>(resourcePath(initiative, "/evaluation"), scopeQuery(scope));
}

export interface ReportHeading {
  section: string;
  title: string;
}

export interface RuleDescription {
  id: string;
  title: string;
  polarity?: string;
  kind?: string;
  reportSections?: string[];
  weight?: number;
  weightReason?: string;
  mechanism?: string;
  outcome?: string;
  condition?: string;
}

export async function listRules(): Promise<{ rules?: RuleDescription[]; notes?: string[]; headings?: ReportHeading[] }> {
  return getJson("/v1/rules");
}

export type Verdict = "VERDICT_SUPPORTS" | "VERDICT_DEVIANT" | "VERDICT_ALTERNATIVE" | "VERDICT_CONSISTENT" | "VERDICT_UNTESTED";

export interface TheoryValue {
  code?: string;
  value?: ConditionValue;
  membership?: number;
  observations?: string[];
  evidence?: string[];
}

export interface CaseTest {
  initiative: string;
  displayName?: string;
  verdict?: Verdict;
  context?: TheoryValue;
  mechanism?: TheoryValue;
  outcome?: TheoryValue;
  reason?: string;
}

export interface RuleTest {
  ruleId: string;
  subject?: string;
  title?: string;
  polarity?: string;
  reportSections?: string[];
  mechanism?: string;
  outcome?: string;
  counts?: { supports?: number; deviant?: number; alternative?: number; consistent?: number; untested?: number };
  testable?: number;
  consistency?: number;
  coverage?: number;
  cases?: CaseTest[];
}

/** TestProgrammeTheory: every rule (or those named) against every Local Vision project (or the filter's), under a theory version (the current one when none). */
export async function testProgrammeTheory(
  request: EvidenceScope & { rules?: string[]; filter?: string; theoryVersion?: string },
): Promise<{ rules?: RuleTest[]; theoryVersion?: string }> {
  return postJson("/v1/programmeTheory:test", {
    rules: request.rules ?? [],
    filter: request.filter ?? "",
    theoryVersion: request.theoryVersion ?? "",
    asOf: request.asOf ? `${request.asOf}T00:00:00Z` : undefined,
    asNowKnown: request.asNowKnown ?? false,
    includeIllustrative: request.includeIllustrative ?? false,
  });
}

/** A version of the programme theory without its text: what the refinement log lists. */
export interface TheoryVersionSummary {
  version: string;
  note?: string;
  author?: string;
  /** Unset for the shipped theory while nothing was ever stored. */
  createTime?: string;
  ruleIds?: string[];
}

export interface Theory {
  version: string;
  yaml?: string;
  rules?: (RuleDescription & { status?: string })[];
  note?: string;
  author?: string;
  createTime?: string;
}

export async function listTheoryVersions(): Promise<{ versions?: TheoryVersionSummary[]; currentVersion?: string }> {
  return getJson("/v1/theory/versions");
}

export async function getTheory(version?: string): Promise<Theory> {
  return getJson("/v1/theory", { version: version || undefined });
}

export interface FindingSummary {
  ruleId: string;
  subject?: string;
  title?: string;
}

export interface TheoryComparison {
  initiative: string;
  displayName?: string;
  gained?: FindingSummary[];
  lost?: FindingSummary[];
  outlookBefore?: { rating?: string; score?: number };
  outlookAfter?: { rating?: string; score?: number };
}

/** CompareTheories of a change not stored: the current version against the one the change would make. */
export async function compareProposedTheory(
  request: EvidenceScope & { yaml: string; removeRules: string[] },
): Promise<{ fromVersion?: string; toVersion?: string; proposed?: boolean; initiatives?: TheoryComparison[] }> {
  return postJson("/v1/theory:compare", {
    proposedYaml: request.yaml,
    proposedRemoveRules: request.removeRules,
    asOf: request.asOf ? `${request.asOf}T00:00:00Z` : undefined,
    asNowKnown: request.asNowKnown ?? false,
    includeIllustrative: request.includeIllustrative ?? false,
  });
}

/** ChangeTheory (evaluator role), made only if `expectedVersion` is still the current one. */
export async function changeTheory(request: { yaml: string; removeRules: string[]; note: string; expectedVersion: string }): Promise<Theory> {
  return postJson("/v1/theory:change", request);
}
