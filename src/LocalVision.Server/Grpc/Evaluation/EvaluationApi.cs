using Grpc.Core;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.V1;
using DomainKind = LocalVision.Graph.Schema.CodeKind;

namespace LocalVision.Server.Grpc.Evaluation;

/// <summary>
/// The EvaluationService: the coding catalogue, the rules, findings per initiative within an evidence scope, and the
/// programme theory tested case by case.
/// </summary>
public sealed class EvaluationApi(EvaluationEngine engine, TimeProvider clock) : EvaluationService.EvaluationServiceBase
{
    public override Task<ListCodesResponse> ListCodes(ListCodesRequest request, ServerCallContext context)
    {
        DomainKind? kind = request.Kind switch
        {
            V1.CodeKind.Context => DomainKind.Context,
            V1.CodeKind.Mechanism => DomainKind.Mechanism,
            V1.CodeKind.Outcome => DomainKind.Outcome,
            V1.CodeKind.Unspecified => null,
            _ => throw GraphValidationException.Single("kind", "is not a CodeKind"),
        };
        var response = new ListCodesResponse();
        response.Codes.AddRange(EvaluationEngine.ListCodes(kind).Select(c => new CatalogueCode
        {
            Code = c.Code,
            Kind = c.Kind switch { DomainKind.Context => V1.CodeKind.Context, DomainKind.Mechanism => V1.CodeKind.Mechanism, _ => V1.CodeKind.Outcome },
            Group = c.Group,
            Description = c.Description,
            Section = c.Section,
            Derived = c.Derived,
        }));
        return Task.FromResult(response);
    }

    public override async Task<ListRulesResponse> ListRules(ListRulesRequest request, ServerCallContext context)
    {
        var response = new ListRulesResponse();
        var theory = await engine.Theories.GetAsync(request.TheoryVersion, context.CancellationToken);
        response.TheoryVersion = theory.Version;
        response.Rules.AddRange((await engine.ListRulesAsync(theory.Version, context.CancellationToken)).Select(EvaluationMapping.ToProto));
        response.Notes.AddRange(RuleCatalogue.Notes);
        response.Headings.AddRange(ReportHeadings.All.Select(h => new V1.ReportHeading { Section = h.Section, Title = h.Title }));
        return response;
    }

    public override async Task<V1.Evaluation> EvaluateInitiative(EvaluateInitiativeRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks().Name("name", request.Name, "Initiative");
        var scope = Scope(checks, request.AsOf, request.AsNowKnown, request.IncludeIllustrative);
        checks.ThrowIfAny();
        var evaluation = await engine.EvaluateAsync(request.Name, scope, Version(request.TheoryVersion), context.CancellationToken);
        return EvaluationMapping.ToProto(evaluation);
    }

    public override async Task StreamEvaluations(StreamEvaluationsRequest request, IServerStreamWriter<V1.Evaluation> responseStream, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var scope = Scope(checks, request.AsOf, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        foreach (var evaluation in await engine.EvaluateAllAsync(filter, scope, Version(request.TheoryVersion), context.CancellationToken))
        {
            await responseStream.WriteAsync(EvaluationMapping.ToProto(evaluation), context.CancellationToken);
        }
    }

    public override async Task<TestProgrammeTheoryResponse> TestProgrammeTheory(TestProgrammeTheoryRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var scope = Scope(checks, request.AsOf, request.AsNowKnown, request.IncludeIllustrative);
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        // The rule ids are checked by the engine, against the theory version the test runs under.
        var tests = await engine.TestProgrammeTheoryAsync(request.Rules, filter, scope, Version(request.TheoryVersion), context.CancellationToken);
        var response = EvaluationMapping.ToProto(tests, scope);
        response.TheoryVersion = (await engine.Theories.GetAsync(Version(request.TheoryVersion), context.CancellationToken)).Version;
        return response;
    }

    /// <summary>A request's theory version: null (the current one) when empty.</summary>
    internal static string? Version(string version) => version.Length == 0 ? null : version;

    private EvidenceScope Scope(RequestChecks checks, Google.Protobuf.WellKnownTypes.Timestamp? asOf, bool asNowKnown, bool includeIllustrative) =>
        new(checks.Date("as_of", asOf) ?? Today, asNowKnown, includeIllustrative);

    /// <summary>The evaluation date when the request gives none.</summary>
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
