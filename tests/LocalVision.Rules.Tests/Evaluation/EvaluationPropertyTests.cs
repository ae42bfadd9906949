using CsCheck;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Outlook;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation;

/// <summary>Properties over random cases: open world (unknown is never a risk), the latest observation stands, order never matters.</summary>
public sealed class EvaluationPropertyTests
{
    /// <summary>Every context code any rule reads, and the one completeness code.</summary>
    private static readonly string[] CodesUsed = CodeCatalogue.Ids(CodeKind.Context);

    private static readonly string[] Roles = ["SENIOR_LEADER", "ELECTED_MEMBER", "PROJECT_LEAD", "PROJECT_SUPPORT", "CLINICIAN", "FRONTLINE", "COMMUNITY_MEMBER"];

    private static readonly string[] PartnerKinds = ["LOCAL_AUTHORITY", "PUBLIC_HEALTH", "HWBB", "CCG", "VOLUNTARY"];

    private static readonly string?[] Levels = ["STRATEGIC", "COMMUNITY", "MIXED", null];

    /// <summary>The chapter-7 headings DOMAIN.md's table covers.</summary>
    private static readonly string[] Headings =
    [
        "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.2.1", "7.2.2", "7.2.3", "7.2.4", "7.3.1", "7.3.2", "7.3.3", "7.3.4", "7.3.5",
        "7.4.1", "7.4.2", "7.4.3", "7.4.4",
    ];

    private static readonly InitiativeEvaluator Evaluator = InitiativeEvaluator.Create();

    /// <summary>A random case: observations of any context code at any score, people, partners, an Enabler, a level.</summary>
    private static readonly Gen<InitiativeFacts> Cases =
        Gen.Select(
            Gen.Int[0, 3],
            Gen.Select(Gen.Int[0, CodesUsed.Length - 1], Gen.Int[0, 4], Gen.Int[0, 600]).Array[0, 14],
            Gen.Int[0, Roles.Length - 1].Array[0, 8],
            Gen.Select(Gen.Int[0, PartnerKinds.Length - 1], Gen.Bool).Array[0, 4],
            Gen.Bool)
        .Select((level, observations, roles, partners, enabler) => Facts(
            Levels[level],
            observations.Select((o, i) => Given.Observation(CodesUsed[o.Item1], o.Item2 / 4.0, new DateOnly(2013, 11, 1).AddDays(o.Item3), $"observations/o{i}")).ToList(),
            roles.Select((r, i) => Given.Person($"p{i}", Roles[r])).ToList(),
            partners.Select((p, i) => Given.Partner($"partner{i}", PartnerKinds[p.Item1], p.Item2 ? "LEAD" : "MEMBER")).ToList(),
            enabler));

    private static InitiativeFacts Facts(
        string? level, IReadOnlyList<ObservationFact> observations, IReadOnlyList<PersonRole> people, IReadOnlyList<Partnership> partners, bool enabler) =>
        new(Given.Initiative(level), new EvidenceScope(Given.AsOf), partners, people,
            enabler ? [Given.Enabler("alder", Given.Start, Given.End)] : [], [], [], [], observations, []);

    private static IEnumerable<string> Risks(LocalVision.Rules.Evaluation.Evaluation evaluation) =>
        evaluation.Findings.Where(f => f.Polarity == Polarity.Risk).Select(f => f.RuleId + "/" + f.Subject);

    /// <summary>Codes some rule reads as "absent or partly": there a 0.5 is evidence, as the table reads NO_SUPPORT.</summary>
    private static readonly HashSet<string> PartlyIsEvidence = RuleCatalogue.CmoRules
        .SelectMany(r => r.Variants).SelectMany(v => v.Context).Where(t => t.Expects == Expectation.AbsentOrPartly).Select(t => t.Code).ToHashSet();

    [Fact]
    public void Evaluate_AddingAnObservationOfUnknown_NeverAddsARisk()
    {
        Gen.Select(Cases, Gen.Int[0, CodesUsed.Length - 1]).Sample((facts, pick) =>
        {
            var code = CodesUsed[pick];
            if (facts.Observations.Any(o => o.Code == code) || PartlyIsEvidence.Contains(code))
            {
                return;
            }
            var before = Evaluator.Evaluate(facts, CancellationToken.None);
            var added = facts with { Observations = [.. facts.Observations, Given.Observation(code, 0.5, name: "observations/added")] };

            var after = Evaluator.Evaluate(added, CancellationToken.None);

            Assert.Subset(Risks(before).ToHashSet(), Risks(after).ToHashSet());
        }, iter: 150);
    }

    [Fact]
    public void Evaluate_EveryObservationRemoved_NoRiskAndEveryHeadingNotAssessedOrSettledByStructure()
    {
        Cases.Sample(facts =>
        {
            var evaluation = Evaluator.Evaluate(facts with { Observations = [] }, CancellationToken.None);

            Assert.DoesNotContain(evaluation.Findings, f => f.Polarity == Polarity.Risk);
            var listed = evaluation.NotAssessed.SelectMany(u => u.Sections).ToHashSet();
            foreach (var heading in Headings.Where(h => !listed.Contains(h)))
            {
                // A heading missing from the list was decided by the graph's structure alone (a recorded level, a lead partner), never by coding.
                var rules = RuleCatalogue.CmoRules.Where(r => r.Sections.Contains(heading) && r.ListsUnassessed).SelectMany(r => r.Variants);
                Assert.All(rules, v => Assert.All(RuleContext.Of(v.Context, evaluation.ConditionsByCode).Terms.Where(t => t.Condition is not null),
                    t => Assert.Equal(CodeSource.Derived, t.Condition!.Origin)));
            }
        }, iter: 100);
    }

    [Fact]
    public void Evaluate_NothingButTheInitiative_EveryHeadingIsNotAssessed()
    {
        var evaluation = Evaluator.Evaluate(Facts(null, [], [], [], enabler: false), CancellationToken.None);

        Assert.Empty(evaluation.Findings);
        Assert.Equal(Headings, Headings.Where(h => evaluation.NotAssessed.Any(u => u.Sections.Contains(h))));
    }

    [Fact]
    public void Evaluate_RandomCases_AFindingExistsExactlyWhenItsRulesContextHolds()
    {
        Cases.Sample(facts =>
        {
            var evaluation = Evaluator.Evaluate(facts, CancellationToken.None);

            foreach (var rule in RuleCatalogue.CmoRules.Where(r => r.Variants.All(v => v.Context.Count > 0)))
            {
                foreach (var variant in rule.Variants)
                {
                    var holds = RuleContext.Of(variant.Context, evaluation.ConditionsByCode).Holds;
                    var found = evaluation.Findings.Any(f => f.RuleId == rule.Id && (f.Subject ?? "") == variant.Name);
                    var listed = evaluation.NotAssessed.Any(u => u.Rule == rule.Id && (u.Subject ?? "") == variant.Name);
                    Assert.True(holds == found, $"{rule.Id} {variant.Name}: context holds {holds}, found {found}");
                    Assert.False(found && listed, $"{rule.Id} {variant.Name} is both found and not assessed");
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Fire_RandomHistories_CurrentValueIsTheLatestObservationComputedDirectly()
    {
        var observation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 20], Gen.Int[0, 20]);

        observation.Array[1, 12].Sample(history =>
        {
            var facts = history.Select((h, i) => new ObservationFact($"observations/o{i}", Given.Name, CodesUsed[h.Item1], h.Item2 / 4.0,
                new DateOnly(2014, 1, 1).AddDays(h.Item3), "H", "7", [], new DateOnly(2015, 1, 1).AddDays(h.Item4))).ToList();

            var run = RuleRun.Fire([typeof(LatestObservationRule), typeof(ResolveConditionRule)], [Given.Settings(), .. facts]);

            var expected = facts.GroupBy(f => f.Code)
                .ToDictionary(g => g.Key, g => g.OrderBy(f => f.At).ThenBy(f => f.RecordedAt).ThenBy(f => f.Name, StringComparer.Ordinal).Last().Name);
            var actual = run.Facts<Condition>().ToDictionary(c => c.Code, c => Assert.Single(c.Observations));
            Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
        }, iter: 200);
    }

    [Fact]
    public void Fire_FactsInAnyOrder_GiveTheSameFindingsAndOutlook()
    {
        Gen.Select(Cases, Gen.Int[0, 10_000]).Sample((facts, seed) =>
        {
            var all = facts.All().Prepend(Given.Settings()).Append(Given.Outcome("indicator", "RISING")).ToList();
            var random = new Random(seed);
            var shuffled = all.OrderBy(_ => random.Next()).ToList();

            var inOrder = RuleRun.Fire(EvaluationRules.RuleTypes, all);
            var outOfOrder = RuleRun.Fire(EvaluationRules.RuleTypes, shuffled);

            Assert.Equal(Describe(inOrder), Describe(outOfOrder));
            Assert.Equal(Assert.Single(inOrder.Facts<MomentumOutlook>()).Reasons, Assert.Single(outOfOrder.Facts<MomentumOutlook>()).Reasons);
        }, iter: 40);
    }

    private static List<string> Describe(RuleRun run) =>
        run.Findings.Select(f => $"{f.RuleId}|{f.Subject}|{f.Explanation}|{string.Join(",", f.Observations)}|{string.Join(",", f.Evidence)}")
            .Order(StringComparer.Ordinal).ToList();
}
