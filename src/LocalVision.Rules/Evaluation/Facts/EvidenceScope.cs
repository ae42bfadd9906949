namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>
/// What an evaluation may use (docs/domain.md's rules of evidence): what held by <see cref="AsOf"/> and was recorded by it,
/// or, <see cref="AsNowKnown"/>, what held by it as we now know, however late it was recorded; data marked
/// <c>illustrative</c> only when <see cref="IncludeIllustrative"/>.
/// </summary>
public sealed record EvidenceScope(DateOnly AsOf, bool AsNowKnown = false, bool IncludeIllustrative = false)
{
    /// <summary>Whether something that held from <paramref name="at"/> and was recorded on <paramref name="recordedAt"/> counts. A missing date never excludes.</summary>
    public bool Counts(DateOnly? at, DateOnly? recordedAt, bool illustrative) =>
        (at is null || at <= AsOf)
        && (AsNowKnown || recordedAt is null || recordedAt <= AsOf)
        && (IncludeIllustrative || !illustrative);

    /// <summary>Whether a piece of evidence dated <paramref name="date"/> may be used and shown.</summary>
    public bool Shows(DateOnly? date, bool illustrative) => (AsNowKnown || date is null || date <= AsOf) && (IncludeIllustrative || !illustrative);

    /// <summary>The scope in words, for explanations and reports: <c>as of 2015-09-01</c>, <c>as of 2014-06-01 as we now know</c>.</summary>
    public string Describe() =>
        $"as of {AsOf:yyyy-MM-dd}{(AsNowKnown ? " as we now know" : "")}{(IncludeIllustrative ? ", illustrative data included" : "")}";
}
