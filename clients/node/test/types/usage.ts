// Type-checked by `npm run typecheck` (tsc --noEmit), never run: the generated declarations must accept what the
// README shows and refuse what the client refuses. Each @ts-expect-error is a line that must NOT type-check; were
// the declarations `any`, tsc would fail on the unused directive.
import { LocalVisionClient, LocalVisionError, Status, parseAddress } from "localvision";
import type { Node, Properties, ExportGraphResponse, Direction, CallOptions } from "localvision";

export async function usage(): Promise<void> {
  const client = new LocalVisionClient({ address: "https://lv.example.org", apiKey: "key", tls: { ca: "-----BEGIN CERTIFICATE-----" } });
  const plain = new LocalVisionClient({ address: "127.0.0.1:50051", tls: false, timeoutMs: 5_000 });

  const node: Node = await client.graph.getNode("localities/plymouth");
  const same: Node = await client.graph.getNode({ name: "localities/plymouth" }, { timeoutMs: 1_000 });
  const properties: Properties = node.properties ?? {};
  const kind: string | undefined = typeof properties.kind === "string" ? properties.kind : undefined;
  const created: Date | null = same.createTime;
  void kind;
  void created;

  const listed = await client.graph.listNodes("Partner", 'kind = "CCG"');
  const total: number = listed.totalSize;
  void total;
  const written = await client.graph.upsertNodes({ nodes: [{ name: "partners/x", label: "Partner", properties: { kind: "CCG", since: new Date(), tags: ["a"] } }], onConflict: "ON_CONFLICT_MERGE" });
  const created64: number = written.counts?.created ?? 0;
  void created64;

  const direction: Direction = "DIRECTION_OUTGOING";
  await client.graph.listRelationships({ node: "partners/x", direction });
  await client.graph.listRelationships({ node: "partners/x", direction: "INCOMING" });

  const controller = new AbortController();
  const options: CallOptions = { signal: controller.signal, deadline: new Date(Date.now() + 5_000) };
  for await (const batch of client.graph.exportGraph({ labels: ["Locality"] }, options)) {
    const b: ExportGraphResponse = batch;
    const expected: number = b.expectedNodes;
    void expected;
  }
  for await (const score of client.network.computeCentrality({ algorithm: "PAGERANK", asOf: "2024-04-01" })) {
    const value: number = score.score;
    void value;
  }
  const imported = await client.graph.importGraph([{ nodes: [], onConflict: "ON_CONFLICT_FAIL" }]);
  const batches: number = imported.batches;
  void batches;

  const evaluation = await client.evaluation.evaluateInitiative({ name: "initiatives/x", asOf: new Date() });
  void evaluation;
  await client.insight.analyzeConditions({});
  await client.theory.getTheory({});
  await client.access.listApiKeys({});
  await client.admin.backupStore({ fileName: "b.db" });

  try {
    await client.graph.getNode("nope/nope");
  } catch (error) {
    if (error instanceof LocalVisionError && error.code === "INVALID_ARGUMENT") {
      const fields: string[] = error.fieldViolations.map((v) => v.field);
      const n: number = error.grpcCode;
      void fields;
      void n;
    }
  }
  const notFound: number = Status.NOT_FOUND;
  const port: number = parseAddress("localhost").port;
  void notFound;
  void port;

  // @ts-expect-error a method no service has
  await client.graph.getNodes("localities/plymouth");
  // @ts-expect-error a field GetNodeRequest does not have
  await client.graph.getNode({ nmae: "localities/plymouth" });
  // @ts-expect-error an enum name that is not one
  await client.graph.listRelationships({ node: "partners/x", direction: "SIDEWAYS" });
  // @ts-expect-error an as-of that is neither a Date nor a string
  await client.network.getNetworkMetrics({ asOf: 20240401 });
  // @ts-expect-error a 64-bit count comes back as a number, not a BigInt
  const big: bigint = written.counts!.created;
  void big;
  // @ts-expect-error a server stream is iterated, not awaited as one answer
  const one: ExportGraphResponse = await client.graph.exportGraph();
  void one;
  // @ts-expect-error a call option that does not exist
  await client.graph.getNode("localities/plymouth", { timeout: 5 });
  // @ts-expect-error a node's createTime is a Date (or null), not a string
  const when: string = node.createTime;
  void when;
  plain.close();
  client.close();
}
