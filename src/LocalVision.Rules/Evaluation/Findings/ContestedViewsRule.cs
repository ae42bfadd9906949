using System.Globalization;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// CONTESTED_VIEWS: observations of one outcome code, from different evidence, fall on both sides of "partly" (§7.4.4).
/// One finding per contested code. Unlike the other rules it reads every observation by the date, not only the latest,
/// since the disagreement is the finding.
/// </summary>
[Name(RuleIds.ContestedViews)]
[Priority(RulePriorities.Find)]
public sealed class ContestedViewsRule : Rule
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.ContestedViews,
        "Views of an outcome disagree: findings on it are contested",
        Polarity.Caution,
        ["7.4.4"],
        [],
        null,
        null,
        0,
        "A caution, never scored: evaluation \"needs to take account of this diversity of views ... and to recognise that findings are always likely to be multi-faceted and contested\" (§7.4.4).",
        "observations of {subject} disagree ({views}): read findings about it as contested")
    {
        Form = RuleForm.ContestedOutcome,
        ListsUnassessed = false,
        Note = "Fires once per outcome code whose observations by the date, from different evidence, score both above PresentAbove and below AbsentBelow; the contested code is its subject and its outcome.",
    };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IGrouping<string, ObservationFact> observations = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => observations, q => q.Match<ObservationFact>(o => o.Initiative == initiative.Name, o => IsOutcome(o.Code)).GroupBy(o => o.Code))
            .Having(() => Contested(observations, settings.Options));

        Then()
            .Yield(_ => Find(initiative, observations.ToList(), settings.Options));
    }

    private static bool IsOutcome(string code) => CodeCatalogue.Find(code)?.Kind == CodeKind.Outcome;

    /// <summary>Whether a high and a low observation rest on different evidence.</summary>
    public static bool Contested(IEnumerable<ObservationFact> observations, EvaluationOptions options)
    {
        var list = observations.ToList();
        return list.Where(o => options.IsPresent(o.Score))
            .Any(high => list.Where(o => options.IsAbsent(o.Score)).Any(low => !high.Evidence.ToHashSet().SetEquals(low.Evidence)));
    }

    private static Finding Find(InitiativeFact initiative, IReadOnlyList<ObservationFact> observations, EvaluationOptions options)
    {
        var sides = observations
            .Where(o => options.IsPresent(o.Score) || options.IsAbsent(o.Score))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var code = sides[0].Code;
        var views = string.Join("; ", sides.Select(o =>
            string.Create(CultureInfo.InvariantCulture, $"{o.Name} scores {o.Score:0.##} on {string.Join(", ", o.Evidence)}")));
        return Finding.Of(Definition, initiative, $"observations of {code} disagree ({views}): read findings about it as contested", []) with
        {
            Subject = code,
            Observations = sides.Select(o => o.Name).ToList(),
            Evidence = sides.SelectMany(o => o.Evidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Tentative = sides.Any(o => o.Confidence == "L"),
            Illustrative = sides.Any(o => o.Illustrative),
        };
    }
}
