using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// BCF_DISTRACTION: running beside the Better Care Fund may distract through its reporting load (§7.2.1). Where the
/// fund is recorded only as complementing the project, the report's "in some cases beneficial" applies and it does not fire.
/// </summary>
[Name(RuleIds.BcfDistraction)]
[Priority(RulePriorities.Find)]
public sealed class BcfDistractionRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition bcf = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => bcf, c => c.Initiative == initiative.Name, c => c.Code == Codes.AlignedBcf,
                c => settings.Options.IsPresent(c.Score), c => !Presence.OnlyComplements(c));

        Then()
            .Yield(_ => Finding.Of(RuleIds.BcfDistraction, initiative,
                "the project ran beside the Better Care Fund [" + bcf.Describe() + "], whose deadlines and reporting may draw capacity from the project's aims",
                new[] { bcf }, null, null, null));
    }
}
