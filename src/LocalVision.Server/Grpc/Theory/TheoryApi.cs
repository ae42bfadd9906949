using Grpc.Core;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Language;
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
            .Length("note", request.Note, 2000).Length("expected_version", request.ExpectedVersion, 20).ThrowIfAny();
        var author = context.GetCaller() is { Principal.Length: > 0 } caller ? caller.Name : "(no authentication)";
        var (_, after) = await engine.Theories.ChangeAsync(
            request.Yaml, request.RemoveRules, request.Note, author, request.ValidateOnly, request.ExpectedVersion, context.CancellationToken);
        var rules = Rules.Evaluation.Catalogue.RuleCatalogue.Describe(after.Rules, engine.Options);
        return TheoryMapping.ToProto(after, rules);
    }

    public override async Task<RamesesReport> GetRamesesReport(GetRamesesReportRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks().Length("initiative", request.Initiative, 500);
        if (request.Initiative.Length > 0 && request.Filter.Length > 0)
        {
            checks.Add("initiative", "give either an initiative (one case) or a filter (the cases it matches), not both");
        }
        var scope = new EvidenceScope(checks.Date("as_of", request.AsOf) ?? Today, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        var report = await engine.RamesesReportAsync(filter, request.Initiative, scope, context.Redactor(), context.CancellationToken);
        return TheoryMapping.ToProto(report, request.Format);
    }

    public override async Task<CompareTheoriesResponse> CompareTheories(CompareTheoriesRequest request, ServerCallContext context)
    {
        var proposed = request.ProposedYaml.Length > 0 || request.ProposedRemoveRules.Count > 0;
        var checks = new RequestChecks().Length("proposed_yaml", request.ProposedYaml, MaxYamlLength)
            .Count("proposed_remove_rules", request.ProposedRemoveRules.Count, 1000, required: false);
        if (request.FromVersion.Length == 0 && !proposed)
        {
            checks.Add("from_version", "name the version to compare from, e.g. 1");
        }
        if (proposed && request.ToVersion.Length > 0)
        {
            checks.Add("to_version", "leave it empty with a proposed change: the change is compared as made to the current version");
        }
        var scope = new EvidenceScope(checks.Date("as_of", request.AsOf) ?? Today, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        if (proposed)
        {
            var (proposal, changes) = await engine.CompareProposedAsync(request.FromVersion, request.ProposedYaml, request.ProposedRemoveRules,
                ProposedFields, filter, scope, context.CancellationToken);
            return TheoryMapping.ToProto(request.FromVersion.Length > 0 ? request.FromVersion : proposal.Before.Version, proposal.After.Version, scope, changes, proposed: true);
        }
        var to = await engine.Theories.GetAsync(EvaluationApi.Version(request.ToVersion), context.CancellationToken);
        var comparisons = await engine.CompareTheoriesAsync(request.FromVersion, to.Version, filter, scope, context.CancellationToken);
        return TheoryMapping.ToProto(request.FromVersion, to.Version, scope, comparisons, proposed: false);
    }

    private static readonly ProposalFields ProposedFields = new("proposed_yaml", "proposed_remove_rules");
}
