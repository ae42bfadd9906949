using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Tests.Evaluation.Support;

/// <summary>Facts made directly, for sessions that hold one rule and nothing that derives its inputs.</summary>
internal static class Given
{
    public const string Name = "initiatives/test-project";
    public static readonly DateOnly Start = new(2013, 11, 1);
    public static readonly DateOnly End = new(2014, 10, 1);
    public static readonly DateOnly AsOf = new(2015, 9, 1);

    public static EvaluationSettings Settings(DateOnly? asOf = null, EvaluationOptions? options = null) =>
        new(new EvidenceScope(asOf ?? AsOf), options ?? EvaluationOptions.Default);

    public static InitiativeFact Initiative(string? level = null, DateOnly? start = null, DateOnly? end = null, bool undated = false) =>
        new(Name, "Test project", "LV_PROJECT", 1, level, undated ? null : start ?? Start, undated ? null : end ?? End, 27000, null, null, null);

    public static ObservationFact Observation(
        string code, double score, DateOnly? at = null, string? name = null, string confidence = "H", bool illustrative = false) =>
        new(name ?? ObservationName(code), Name, code, score, at ?? AsOf, confidence, "7",
            [$"evidence/test-{Slug(code)}"], at ?? AsOf, illustrative);

    public static string ObservationName(string code) => $"observations/test-{Slug(code)}";

    /// <summary>A condition resolved from one coded observation.</summary>
    public static Condition Coded(string code, double score, string confidence = "H", bool illustrative = false) =>
        Condition.Resolve([CodeValue.Coded(Observation(code, score, confidence: confidence, illustrative: illustrative))], EvaluationOptions.Default);

    /// <summary>A condition resolved from one derived value.</summary>
    public static Condition Derived(string code, double score, string? effect = null, bool illustrative = false) =>
        Condition.Resolve([CodeValue.Derived(Name, code, score, "derived in a test", ["initiatives/other"], effect, illustrative)], EvaluationOptions.Default);

    private static string Slug(string code) => code.ToLowerInvariant().Replace('_', '-');

    public static Partnership Partner(string slug, string? kind = "LOCAL_AUTHORITY", string role = "MEMBER") =>
        new(Name, $"partners/{slug}", slug, kind, role, null, null);

    public static PersonRole Person(string slug, string role, string partner = "partners/council", DateOnly? from = null, DateOnly? to = null) =>
        new(Name, $"people/{slug}", slug, role, null, partner, from, to);

    public static EnablerEngagement Enabler(string slug, DateOnly? from, DateOnly? to, string mode = "SOLE") =>
        new(Name, $"enablers/{slug}", slug, from, to, mode, 20);

    public static OutcomeFact Outcome(string slug, string? trend, DateOnly? at = null, string domain = "IMPROVING_SERVICES") =>
        new($"outcomes/{slug}", Name, slug, domain, "an indicator", trend, at, "UNCLEAR", [$"evidence/{slug}"]);

    public static IEnumerable<PersonRole> People(int count, string role = "SENIOR_LEADER") =>
        Enumerable.Range(1, count).Select(i => Person($"p{i}", role));
}
