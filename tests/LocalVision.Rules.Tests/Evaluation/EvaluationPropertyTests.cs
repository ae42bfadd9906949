using CsCheck;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation;

/// <summary>Properties over random cases: the rules agree with a direct computation, and facts' order never matters.</summary>
public sealed class EvaluationPropertyTests
{
    private static readonly string[] CodesUsed =
    [
        Codes.SeniorEngagementEarly, Codes.DedicatedSupport, Codes.MouAgreed, Codes.FocusedProblem, Codes.CommunityEngagement,
        Codes.OutcomeMetrics, Codes.ClinicianEngagement, Codes.PoliticalEngagement, Codes.BurningPlatform, Codes.AlignedBcf,
        Codes.StrategicPriorityLink, Codes.LocalSuccessor, Codes.ExitPlanned, Codes.DataAsLever,
    ];

    private static readonly string[] Roles = ["SENIOR_LEADER", "ELECTED_MEMBER", "PROJECT_LEAD", "PROJECT_SUPPORT", "CLINICIAN", "FRONTLINE", "COMMUNITY_MEMBER"];

    private static readonly string?[] Levels = ["STRATEGIC", "COMMUNITY", "MIXED", null];

    [Fact]
    public void Fire_RandomHistories_CurrentValueIsTheLatestObservationComputedDirectly()
    {
        var observation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 20]);

        observation.Array[1, 12].Sample(history =>
        {
            var facts = history.Select((h, i) => new ObservationFact($"observations/o{i}", Given.Name, CodesUsed[h.Item1], h.Item2 / 4.0,
                new DateOnly(2014, 1, 1).AddDays(h.Item3), "H", "7", [])).ToList();

            var run = RuleRun.Fire([typeof(LatestObservationRule), typeof(ResolveConditionRule)], facts);

            var expected = facts.GroupBy(f => f.Code)
                .ToDictionary(g => g.Key, g => g.OrderBy(f => f.At).ThenBy(f => f.Name, StringComparer.Ordinal).Last().Name);
            var actual = run.Facts<Condition>().ToDictionary(c => c.Code, c => Assert.Single(c.Observations));
            Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
        }, iter: 200);
    }

    [Fact]
    public void Fire_FactsInAnyOrder_GiveTheSameFindingsAndOutlook()
    {
        var cases = Gen.Select(Gen.Int[0, 3], Gen.Int[-1, 4].Array[CodesUsed.Length], Gen.Int[0, Roles.Length - 1].Array[0, 8], Gen.Int[0, 10_000]);

        cases.Sample(c =>
        {
            var (level, scores, roles, seed) = c;
            var facts = new List<object> { Given.Settings(), Given.Initiative(Levels[level]), Given.Enabler("alder", Given.Start, Given.End) };
            facts.AddRange(scores.Select((s, i) => (s, i)).Where(x => x.s >= 0).Select(x => (object)Given.Observation(CodesUsed[x.i], x.s / 4.0)));
            facts.AddRange(roles.Select((r, i) => (object)Given.Person($"p{i}", Roles[r])));
            facts.Add(Given.Partner("council", "HWBB", "LEAD"));
            facts.Add(Given.Outcome("indicator", "RISING"));
            var random = new Random(seed);
            var shuffled = facts.OrderBy(_ => random.Next()).ToList();

            var inOrder = RuleRun.Fire(EvaluationRules.RuleTypes, facts);
            var outOfOrder = RuleRun.Fire(EvaluationRules.RuleTypes, shuffled);

            Assert.Equal(Describe(inOrder), Describe(outOfOrder));
            Assert.Equal(Assert.Single(inOrder.Facts<MomentumOutlook>()).Reasons, Assert.Single(outOfOrder.Facts<MomentumOutlook>()).Reasons);
        }, iter: 60);
    }

    private static List<string> Describe(RuleRun run) =>
        run.Findings.Select(f => $"{f.RuleId}|{f.Subject}|{f.Explanation}|{string.Join(",", f.Observations)}|{string.Join(",", f.Evidence)}")
            .Order(StringComparer.Ordinal).ToList();
}
