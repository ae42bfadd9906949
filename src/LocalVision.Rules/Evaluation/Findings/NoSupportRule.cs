using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>NO_SUPPORT: no dedicated project support puts administrative capacity at risk (§7.2.3); a change of lead is cited with it.</summary>
[Name(RuleIds.NoSupport)]
[Priority(RulePriorities.Find)]
public sealed class NoSupportRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition support = default!;
        IEnumerable<ProjectLeadChange> changes = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => support, c => c.Initiative == initiative.Name, c => c.Code == Codes.DedicatedSupport,
                c => settings.Options.IsAbsent(c.Score))
            .Query(() => changes, q => q.Match<ProjectLeadChange>(c => c.Initiative == initiative.Name).Collect());

        Then()
            .Yield(_ => Finding.Of(RuleIds.NoSupport, initiative,
                "there was no dedicated project or administrative support [" + support.Describe() + "]"
                + (changes.Any() ? "; " + string.Join("; ", changes.Select(c => c.ToDerivedFact().Source)) : ""),
                new[] { support }, changes.Select(c => c.ToDerivedFact()).ToList(), null, null));
    }
}
