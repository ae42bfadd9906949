using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>EXIT_NO_SUCCESSOR: the Enabler has left or leaves soon and no local successor carries the work on (§7.4.2).</summary>
[Name(RuleIds.ExitNoSuccessor)]
[Priority(RulePriorities.Find)]
public sealed class ExitNoSuccessorRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition successor = default!;
        IEnumerable<EnablerEngagement> engagements = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => successor, c => c.Initiative == initiative.Name, c => c.Code == Codes.LocalSuccessor,
                c => settings.Options.IsAbsent(c.Score))
            .Query(() => engagements, q => q.Match<EnablerEngagement>(e => e.Initiative == initiative.Name).Collect())
            .Having(() => Presence.ExitInView(engagements, settings));

        Then()
            .Yield(_ => Finding.Of(RuleIds.ExitNoSuccessor, initiative,
                "the last Enabler engagement ends on " + Presence.LastEnablerDay(engagements)!.Value.ToString("yyyy-MM-dd")
                + " (evaluated as of " + settings.AsOf.ToString("yyyy-MM-dd") + ") and there is no local successor ["
                + successor.Describe() + "], so momentum may be lost after the exit",
                new[] { successor },
                engagements.Select(e => new DerivedFact("ENABLER_EXIT", 1,
                    "ENABLES from " + e.Enabler + " ends " + e.To!.Value.ToString("yyyy-MM-dd"), new[] { e.Enabler })).ToList(),
                null, null));
    }
}
