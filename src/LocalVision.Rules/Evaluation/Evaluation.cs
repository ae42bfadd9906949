using LocalVision.Rules.Evaluation.Assessment;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;

namespace LocalVision.Rules.Evaluation;

/// <summary>Where the initiative stood on the evaluation date.</summary>
public enum EvaluationStatus
{
    /// <summary>Its start is after the date: the evaluation says so, and no more.</summary>
    NotStarted,

    /// <summary>Started, and its end (if recorded) is after the date.</summary>
    Running,

    /// <summary>Its end is on or before the date.</summary>
    Ended,

    /// <summary>No start date is recorded, so whether it had started is unknown; evaluated on what is recorded.</summary>
    Undated,
}

/// <summary>What the rules found about one initiative within an evidence scope.</summary>
/// <param name="Findings">In rule-catalogue order, then by subject: the ingredients it shows, the risks it runs on evidence, and cautions.</param>
/// <param name="NotAssessed">The rules nobody could decide, with what would settle each.</param>
/// <param name="Conditions">Every code with a value, resolved, with its coded and derived sources, in code order: what the rules saw.</param>
public sealed record Evaluation(
    string Initiative,
    string DisplayName,
    EvidenceScope Scope,
    EvaluationStatus Status,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<UnassessedIngredient> NotAssessed,
    MomentumOutlook Outlook,
    IReadOnlyList<Condition> Conditions)
{
    public DateOnly AsOf => Scope.AsOf;

    /// <summary>The version of the programme theory the evaluation ran under.</summary>
    public string TheoryVersion { get; init; } = Language.CompiledTheory.InitialVersion;

    /// <summary>The conditions by code, for reading the rules' contexts again (the programme-theory test does).</summary>
    public IReadOnlyDictionary<string, Condition> ConditionsByCode =>
        Conditions.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
