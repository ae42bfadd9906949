using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.V1;
using DomainEvaluation = LocalVision.Rules.Evaluation.Evaluation;
using DomainKind = LocalVision.Graph.Schema.CodeKind;
using DomainPolarity = LocalVision.Rules.Evaluation.Catalogue.Polarity;

namespace LocalVision.Server.Grpc.Evaluation;

/// <summary>The EvaluationService: the coding catalogue, the rules, and findings per initiative as of a date.</summary>
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

    public override Task<ListRulesResponse> ListRules(ListRulesRequest request, ServerCallContext context)
    {
        var response = new ListRulesResponse();
        response.Rules.AddRange(engine.ListRules().Select(ToProto));
        return Task.FromResult(response);
    }

    public override async Task<V1.Evaluation> EvaluateInitiative(EvaluateInitiativeRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks().Name("name", request.Name, "Initiative");
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        checks.ThrowIfAny();
        var evaluation = await engine.EvaluateAsync(request.Name, asOf, context.CancellationToken);
        return ToProto(evaluation);
    }

    public override async Task StreamEvaluations(StreamEvaluationsRequest request, IServerStreamWriter<V1.Evaluation> responseStream, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var filter = checks.Filter("filter", request.Filter, EvaluationEngine.DefaultFilter);
        checks.ThrowIfAny();
        foreach (var evaluation in await engine.EvaluateAllAsync(filter, asOf, context.CancellationToken))
        {
            await responseStream.WriteAsync(ToProto(evaluation), context.CancellationToken);
        }
    }

    /// <summary>The evaluation date when the request gives none.</summary>
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static V1.Polarity ToProto(DomainPolarity? polarity) => polarity switch
    {
        DomainPolarity.Ingredient => V1.Polarity.Ingredient,
        DomainPolarity.Risk => V1.Polarity.Risk,
        DomainPolarity.Caution => V1.Polarity.Caution,
        _ => V1.Polarity.Unspecified,
    };

    private static V1.RuleDescription ToProto(Rules.Evaluation.Catalogue.RuleDescription rule)
    {
        var proto = new V1.RuleDescription
        {
            Id = rule.Id,
            Title = rule.Title,
            Polarity = ToProto(rule.Polarity),
            ReportSection = rule.ReportSection,
            Mechanism = rule.Mechanism ?? "",
            Outcome = rule.Outcome ?? "",
            Condition = rule.Condition,
        };
        proto.ContextCodes.AddRange(rule.ContextCodes);
        proto.Parameters.AddRange(rule.Parameters.Select(p => new V1.RuleParameter { Name = p.Name, Value = p.Value, Description = p.Description }));
        return proto;
    }

    internal static V1.Evaluation ToProto(DomainEvaluation evaluation)
    {
        var proto = new V1.Evaluation
        {
            Initiative = evaluation.Initiative,
            AsOf = Timestamp.FromDateTime(evaluation.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            Outlook = new Outlook { Rating = evaluation.Outlook.RatingName, Score = evaluation.Outlook.Score },
        };
        proto.Outlook.Reasons.AddRange(evaluation.Outlook.Reasons);
        foreach (var finding in evaluation.Findings)
        {
            var f = new V1.Finding
            {
                RuleId = finding.RuleId,
                Polarity = ToProto(finding.Polarity),
                Title = finding.Subject is null ? finding.Title : $"{finding.Title}: {finding.Subject}",
                Explanation = finding.Explanation,
                ReportSection = finding.ReportSection,
            };
            f.Observations.AddRange(finding.Observations);
            f.Evidence.AddRange(finding.Evidence);
            f.DerivedFacts.AddRange(finding.DerivedFacts.Select(d =>
            {
                var fact = new V1.DerivedFact { Code = d.Code, Score = d.Score, Source = d.Source };
                fact.Nodes.AddRange(d.Nodes);
                return fact;
            }));
            proto.Findings.Add(f);
        }
        return proto;
    }
}
