using System.Linq.Expressions;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// Turns rule definitions into NRules rules through the rule model, so a theory written as data runs compiled, in the
/// same Rete network and session as the derivation rules: a CMO rule joins the initiative with the conditions its
/// context reads, fires when that context holds (read three-valued by <see cref="RuleContext"/>), and yields its finding
/// as a linked fact, which the outlook rule then reads. A rule that is refuted or only a candidate is not run.
/// </summary>
public static class TheoryCompiler
{
    private const string FindingKey = "finding";

    /// <summary>The NRules rules of the theory's rules in use: one per rule, or one per subject.</summary>
    public static IReadOnlyList<IRuleDefinition> Rules(IReadOnlyList<CmoRuleDefinition> theory) =>
        theory.Select((rule, order) => (rule, order))
            .Where(r => r.rule.InUse)
            .SelectMany(r => r.rule.Form == RuleForm.ContestedOutcome
                ? [ContestedOutcome(r.rule, r.order)]
                : r.rule.Variants.Select(v => Context(r.rule, v, r.order)))
            .ToList();

    /// <summary>The theory with the rule classes it builds on (derivations and the outlook), compiled into one network.</summary>
    /// <exception cref="GraphValidationException">A rule does not compile (field <c>rules</c>).</exception>
    public static ISessionFactory Compile(IReadOnlyList<CmoRuleDefinition> theory, IEnumerable<Type> ruleClasses)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(ruleClasses));
        var rules = repository.GetRuleSets().SelectMany(s => s.Rules).Concat(Rules(theory));
        try
        {
            return new RuleCompiler().Compile(rules);
        }
        catch (RuleCompilationException e)
        {
            throw new GraphValidationException([new FieldViolation("rules", $"rule {e.RuleName} does not compile: {e.Message}")]);
        }
    }

    /// <summary>Inserts a finding the first time a rule fires and replaces it when the rule fires again on changed facts.</summary>
    public static void Yield(IContext context, Finding finding, int order)
    {
        var ordered = finding with { Order = order };
        if (context.GetLinked(FindingKey) is null)
        {
            context.InsertLinked(FindingKey, ordered);
        }
        else
        {
            context.UpdateLinked(FindingKey, ordered);
        }
    }

    private static IRuleDefinition Context(CmoRuleDefinition rule, RuleSubject variant, int order)
    {
        var codes = rule.CodesRead(variant);
        var builder = Named(variant.Name.Length == 0 ? rule.Id : rule.Id + "/" + variant.Name);
        var when = builder.LeftHandSide();
        when.Pattern(typeof(InitiativeFact), "initiative");
        var collected = when.Pattern(typeof(IEnumerable<Condition>), "conditions");
        var collect = collected.Aggregate();
        collect.Collect();
        var source = collect.Pattern(typeof(Condition), "condition");
        source.Condition((Expression<Func<Condition, InitiativeFact, bool>>)((condition, initiative) => condition.Initiative == initiative.Name));
        source.Condition((Expression<Func<Condition, bool>>)(condition => codes.Contains(condition.Code)));
        collected.Condition((Expression<Func<IEnumerable<Condition>, bool>>)(conditions => RuleContext.Of(variant.Context, conditions).Holds));
        builder.RightHandSide().Action(
            (Expression<Action<IContext, InitiativeFact, IEnumerable<Condition>>>)((context, initiative, conditions) =>
                Yield(context, Finding.Of(rule, variant, initiative, conditions), order)),
            ActionTrigger.Activated | ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static IRuleDefinition ContestedOutcome(CmoRuleDefinition rule, int order)
    {
        var builder = Named(rule.Id);
        var when = builder.LeftHandSide();
        when.Pattern(typeof(EvaluationSettings), "settings");
        when.Pattern(typeof(InitiativeFact), "initiative");
        var grouped = when.Pattern(typeof(IGrouping<string, ObservationFact>), "observations");
        var group = grouped.Aggregate();
        group.GroupBy((Expression<Func<ObservationFact, string>>)(observation => observation.Code),
            (Expression<Func<ObservationFact, ObservationFact>>)(observation => observation));
        var observed = group.Pattern(typeof(ObservationFact), "observation");
        observed.Condition((Expression<Func<ObservationFact, InitiativeFact, bool>>)((observation, initiative) => observation.Initiative == initiative.Name));
        observed.Condition((Expression<Func<ObservationFact, bool>>)(observation => ContestedObservations.IsOutcome(observation.Code)));
        grouped.Condition((Expression<Func<IGrouping<string, ObservationFact>, EvaluationSettings, bool>>)((observations, settings) =>
            ContestedObservations.Contested(observations, settings.Options)));
        builder.RightHandSide().Action(
            (Expression<Action<IContext, EvaluationSettings, InitiativeFact, IGrouping<string, ObservationFact>>>)((context, settings, initiative, observations) =>
                Yield(context, ContestedObservations.Find(rule, initiative, observations.ToList(), settings.Options), order)),
            ActionTrigger.Activated | ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static RuleBuilder Named(string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Priority(RulePriorities.Find);
        return builder;
    }
}
