using LocalVision.V1;

namespace LocalVision.Server.Access;

/// <summary>What a method needs, and for audited methods what to record about a call.</summary>
/// <param name="Required">The role needed; <see cref="Roles.None"/> for public methods (health).</param>
/// <param name="Describe">
/// For audited methods: what a call touches (bounded: <see cref="AuditSummary"/>), from its request before it runs
/// (the response then null) and again with its response once it has succeeded.
/// </param>
public sealed record MethodRule(Roles Required, Func<object?, object?, AuditSummary>? Describe = null)
{
    public bool IsPublic => Required == Roles.None;

    public bool IsAudited => Describe is not null;
}

/// <summary>
/// The one table of what every RPC needs, keyed by full gRPC method name. A method missing from it is refused
/// for everyone (<c>PERMISSION_DENIED</c>), so a new service is closed until it is declared here — one line per method.
/// </summary>
public static class MethodAccess
{
    private const string Graph = "/localvision.v1.GraphService/";
    private const string Evaluation = "/localvision.v1.EvaluationService/";
    private const string Insight = "/localvision.v1.InsightService/";
    private const string Theory = "/localvision.v1.TheoryService/";
    private const string Network = "/localvision.v1.NetworkService/";
    private const string Access = "/localvision.v1.AccessService/";
    private const string Admin = "/localvision.v1.AdminService/";

    private static readonly MethodRule Public = new(Roles.None);
    private static readonly MethodRule Read = new(Roles.Reader);
    private static readonly MethodRule AdminRead = new(Roles.Admin);

    public static IReadOnlyDictionary<string, MethodRule> Rules { get; } = new Dictionary<string, MethodRule>(StringComparer.Ordinal)
    {
        ["/grpc.health.v1.Health/Check"] = Public,
        ["/grpc.health.v1.Health/Watch"] = Public,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Read,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Read,

        [Graph + "GetNode"] = Read,
        [Graph + "ListNodes"] = Read,
        [Graph + "ListRelationships"] = Read,
        [Graph + "GetNeighborhood"] = Read,
        [Graph + "ExportGraph"] = Read,
        [Graph + "UpsertNodes"] = Audited<UpsertNodesRequest, UpsertNodesResponse>(Roles.Evaluator,
            (request, response) => AuditSummary.Of(request!.Nodes.Select(n => n.Name),
                Counts([("nodes", request.Nodes.Count), .. WriteCounts(response?.Counts, request.DryRun)]))),
        [Graph + "UpsertRelationships"] = Audited<UpsertRelationshipsRequest, UpsertRelationshipsResponse>(Roles.Evaluator,
            (request, _) => AuditSummary.Of(request!.Relationships.Select(r => $"{r.Start} -{r.Type}-> {r.End}"), Counts(("relationships", request.Relationships.Count)))),
        [Graph + "DeleteNode"] = Audited<DeleteNodeRequest, DeleteNodeResponse>(Roles.Admin,
            (request, response) => AuditSummary.Of([!request!.Cascade ? request.Name : $"{request.Name} (cascade)"],
                response is null ? null : Counts(("relationships_deleted", response.RelationshipsDeleted)))),
        [Graph + "ImportGraph"] = Audited<ImportGraphRequest, ImportGraphResponse>(Roles.Admin,
            (_, response) => response is null ? AuditSummary.Empty
                : AuditSummary.Of([], Counts([("batches", response.Batches), ("nodes", response.NodesWritten), ("relationships", response.RelationshipsWritten),
                    .. WriteCounts(response.Counts, response.DryRun)]))),

        [Evaluation + "ListCodes"] = Read,
        [Evaluation + "ListRules"] = Read,
        [Evaluation + "EvaluateInitiative"] = Read,
        [Evaluation + "StreamEvaluations"] = Read,
        [Evaluation + "TestProgrammeTheory"] = Read,

        [Theory + "GetTheory"] = Read,
        [Theory + "ListTheoryVersions"] = Read,
        [Theory + "CompareTheories"] = Read,
        [Theory + "GetRamesesReport"] = Read,
        [Theory + "ChangeTheory"] = Audited<ChangeTheoryRequest, V1.Theory>(Roles.Evaluator,
            (request, response) => AuditSummary.Of(
                [response is null ? "theory (next version)" : $"theory/versions/{response.Version}{(request!.ValidateOnly ? " (validate only)" : "")}"],
                Counts(("yaml_bytes", request!.Yaml.Length), ("rules_removed", request.RemoveRules.Count)))),

        [Insight + "AnalyzeConditions"] = Read,
        [Insight + "BuildTruthTable"] = Read,
        [Insight + "MinimizeTruthTable"] = Read,
        [Insight + "TestRobustness"] = Read,
        [Insight + "EvaluateTheory"] = Read,
        [Insight + "FindCases"] = Read,
        [Insight + "AnalyzeNecessity"] = Read,
        [Insight + "Calibrate"] = Read,
        [Insight + "SelectCohort"] = Read,

        [Network + "FindPaths"] = Read,
        [Network + "GetEgoNetwork"] = Read,
        [Network + "ComputeCentrality"] = Read,
        [Network + "DetectCommunities"] = Read,
        [Network + "GetNetworkMetrics"] = Read,
        [Network + "SimulateRemoval"] = Read,

        [Access + "CreateApiKey"] = Audited<CreateApiKeyRequest, CreateApiKeyResponse>(Roles.Admin,
            (request, response) => AuditSummary.Of([response?.Key.Name ?? $"(new key `{request!.DisplayName}`)"])),
        [Access + "ListApiKeys"] = AdminRead,
        [Access + "RevokeApiKey"] = Audited<RevokeApiKeyRequest, ApiKey>(Roles.Admin, (request, _) => AuditSummary.Of([request!.Name])),
        [Access + "ListAuditEntries"] = AdminRead,
        [Access + "GetAuditUsage"] = AdminRead,

        [Admin + "BackupStore"] = Audited<BackupStoreRequest, Backup>(Roles.Admin, (request, response) => AuditSummary.Of([response?.FileName ?? request!.FileName])),
        [Admin + "RestoreStore"] = Audited<RestoreStoreRequest, RestoreStoreResponse>(Roles.Admin, (request, _) => AuditSummary.Of([request!.FileName])),
        [Admin + "GetServerStats"] = AdminRead,
    };

    /// <summary>The rule for a method, or null: undeclared methods are refused.</summary>
    public static MethodRule? Find(string method) => Rules.GetValueOrDefault(method);

    /// <summary>What a node write did with the nodes (none before it has answered); a dry run is marked, since it wrote nothing.</summary>
    private static IEnumerable<(string Name, long Count)> WriteCounts(NodeWriteCounts? counts, bool dryRun)
    {
        if (counts is null)
        {
            yield break;
        }
        yield return ("created", counts.Created);
        yield return ("replaced", counts.Replaced);
        yield return ("merged", counts.Merged);
        yield return ("unchanged", counts.Unchanged);
        if (dryRun)
        {
            yield return ("dry_run", 1);
        }
    }

    private static Dictionary<string, long> Counts(params (string Name, long Count)[] counts) =>
        counts.ToDictionary(c => c.Name, c => c.Count, StringComparer.Ordinal);

    private static MethodRule Audited<TRequest, TResponse>(Roles required, Func<TRequest?, TResponse?, AuditSummary> describe)
        where TRequest : class
        where TResponse : class =>
        new(required, (request, response) => describe(request as TRequest, response as TResponse));
}
