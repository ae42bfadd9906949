using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>NO_MOU: without a memorandum of understanding there is no shared yardstick (§7.3.3).</summary>
[Name(RuleIds.NoMou)]
[Priority(RulePriorities.Find)]
public sealed class NoMouRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition mou = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => mou, c => c.Initiative == initiative.Name, c => c.Code == Codes.MouAgreed,
                c => settings.Options.IsAbsent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.NoMou, initiative,
                "no memorandum of understanding was agreed [" + mou.Describe() + "], so partners lack a shared yardstick for outcomes",
                new[] { mou }, null, null, null));
    }
}
