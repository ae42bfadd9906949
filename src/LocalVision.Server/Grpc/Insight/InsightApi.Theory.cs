using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Insight.Studies;
using LocalVision.Rules.Qca;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>EvaluateTheory: a theory (an expression or a programme-theory rule) against the MinimizeTruthTable request's solution.</summary>
public sealed partial class InsightApi
{
    private const int MaxTheoryLength = 4096;
    private const int MaxRuleLength = 200;

    public override async Task<EvaluateTheoryResponse> EvaluateTheory(EvaluateTheoryRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        if (request.Minimization is null)
        {
            checks.Add("minimization", "is required: the MinimizeTruthTable request of the solution");
        }
        var input = Minimization(checks, request.Minimization ?? new MinimizeTruthTableRequest(), "minimization.");
        var statement = Statement(checks, request, input.Conditions);
        if (request.Model.Length > 0 && !ModelName().IsMatch(request.Model))
        {
            checks.Add("model", "names a model as the solution does, M1, M2, …; empty means M1");
        }
        checks.ThrowIfAny();
        var report = await theoryFit.EvaluateAsync(
            input.Source, input.Outcome, input.Conditions, input.Table, input.Options, statement with { Model = request.Model.Length > 0 ? request.Model : null },
            context.CancellationToken);
        return TheoryFitMapping.ToProto(report);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^M[1-9][0-9]{0,6}$")]
    private static partial System.Text.RegularExpressions.Regex ModelName();

    /// <summary>Exactly one of theory and rule; a theory must parse and name only the minimisation's conditions.</summary>
    private static TheoryStatement Statement(RequestChecks checks, EvaluateTheoryRequest request, IReadOnlyList<string> conditions)
    {
        var hasTheory = request.Theory.Trim().Length > 0;
        var hasRule = request.Rule.Trim().Length > 0;
        if (hasTheory == hasRule)
        {
            checks.Add(hasTheory ? "rule" : "theory",
                "give exactly one of `theory` (an expression over the conditions, such as `A*B + ~C`) and `rule` (a programme-theory rule id, such as `FOCUSED`)");
            return new TheoryStatement(null, null);
        }
        if (hasRule)
        {
            checks.Length("rule", request.Rule, MaxRuleLength);
            return new TheoryStatement(null, request.Rule.Trim());
        }
        checks.Length("theory", request.Theory, MaxTheoryLength);
        SetExpression theory;
        try
        {
            theory = SetExpression.Parse(request.Theory);
        }
        catch (SetExpressionSyntaxException e)
        {
            checks.Add("theory", $"is not a set expression ({e.Message}); write literals joined by `*` and terms by `+`, e.g. `A*B + ~C`");
            return new TheoryStatement(null, null);
        }
        var names = conditions.Select(c => SetReference.Parse(c).Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in theory.Names.Where(n => !names.Contains(n)))
        {
            checks.Add("theory", $"`{name}` is not one of the minimisation's conditions ({string.Join(", ", names)}){Suggestion.DidYouMean(name, names)}");
        }
        return new TheoryStatement(theory, null);
    }
}
