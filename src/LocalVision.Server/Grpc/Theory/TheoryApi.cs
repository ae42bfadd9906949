using Grpc.Core;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc.Evaluation;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Theory;

/// <summary>The TheoryService: the programme theory's versions, changes by evaluators, and what a change changes.</summary>
public sealed class TheoryApi(EvaluationEngine engine, TimeProvider clock) : TheoryService.TheoryServiceBase
{
    /// <summary>A theory is a few dozen rules of a few lines each; this bounds a change without limiting any real one.</summary>
    public const int MaxYamlLength = 1_000_000;

    /// <summary>The evaluation date when the request gives none.</summary>
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override async Task<V1.Theory> GetTheory(GetTheoryRequest request, ServerCallContext context)
    {
        var theory = await engine.Theories.GetAsync(EvaluationApi.Version(request.Version), context.CancellationToken);
        return TheoryMapping.ToProto(theory, await engine.ListRulesAsync(theory.Version, context.CancellationToken));
    }

    public override async Task<ListTheoryVersionsResponse> ListTheoryVersions(ListTheoryVersionsRequest request, ServerCallContext context)
    {
        var versions = await engine.Theories.ListAsync(context.CancellationToken);
        var response = new ListTheoryVersionsResponse { CurrentVersion = versions[^1].Version };
        response.Versions.AddRange(versions.Select(TheoryMapping.Summary));
        return response;
    }

    public override async Task<V1.Theory> ChangeTheory(ChangeTheoryRequest request, ServerCallContext context)
    {
        new RequestChecks().Length("yaml", request.Yaml, MaxYamlLength).Count("remove_rules", request.RemoveRules.Count, 1000, required: false)
            .Length("note", request.Note, 2000).ThrowIfAny();
        var author = context.GetCaller() is { Principal.Length: > 0 } caller ? caller.Name : "(no authentication)";
        var (_, after) = await engine.Theories.ChangeAsync(
            request.Yaml, request.RemoveRules, request.Note, author, request.ValidateOnly, context.CancellationToken);
        var rules = Rules.Evaluation.Catalogue.RuleCatalogue.Describe(after.Rules, engine.Options);
        return TheoryMapping.ToProto(after, rules);
    }

    public override async Task<RamesesReport> GetRamesesReport(GetRamesesReportRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var scope = new EvidenceScope(checks.Date("as_of", request.AsOf) ?? Today, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        var markdown = await engine.RamesesReportAsync(filter, scope, context.CancellationToken);
        var current = await engine.Theories.CurrentAsync(context.CancellationToken);
        return new RamesesReport { Markdown = markdown, TheoryVersion = current.Version };
    }

    public override async Task<CompareTheoriesResponse> CompareTheories(CompareTheoriesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        if (request.FromVersion.Length == 0)
        {
            checks.Add("from_version", "name the version to compare from, e.g. 1");
        }
        var scope = new EvidenceScope(checks.Date("as_of", request.AsOf) ?? Today, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        var to = await engine.Theories.GetAsync(EvaluationApi.Version(request.ToVersion), context.CancellationToken);
        var comparisons = await engine.CompareTheoriesAsync(request.FromVersion, to.Version, filter, scope, context.CancellationToken);
        var response = new CompareTheoriesResponse { FromVersion = request.FromVersion, ToVersion = to.Version, AsOf = EvaluationMapping.Time(scope.AsOf) };
        response.Initiatives.AddRange(comparisons.Select(TheoryMapping.ToProto));
        return response;
    }
}
