using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class TruthTableTests
{
    [Fact]
    public void Build_LipsetCrisp_ReproducesPublishedRowsAndCases()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var table = TruthTable.Build(cases, "SURV", PublishedDatasets.LipsetConditions);

        var rows = table.Rows.Select(r => (r.Configuration, r.Outcome, string.Join(",", r.Cases))).ToList();
        Assert.Equal(
            [
                ("00000", OutcomeValue.Negative, "GR,PT,ES"),
                ("00001", OutcomeValue.Negative, "IT,RO"),
                ("00100", OutcomeValue.Negative, "HU,PL"),
                ("00101", OutcomeValue.Negative, "EE"),
                ("10101", OutcomeValue.Positive, "FI,IE"),
                ("10110", OutcomeValue.Negative, "AU"),
                ("10111", OutcomeValue.Positive, "FR,SE"),
                ("11110", OutcomeValue.Negative, "DE"),
                ("11111", OutcomeValue.Positive, "BE,CZ,NL,UK"),
            ],
            rows);
        Assert.DoesNotContain(table.Rows, r => r.IsContradictory);
        Assert.All(table.PositiveRows, r => Assert.Equal(1.0, r.Consistency));
        Assert.All(table.NegativeRows, r => Assert.Equal(0.0, r.Consistency));
    }

    [Fact]
    public void Build_LipsetCrisp_ListsLogicalRemaindersAndWarnsOfLimitedDiversity()
    {
        var table = TruthTable.Build(PublishedDatasets.LipsetCrisp(), "SURV", PublishedDatasets.LipsetConditions);

        var remainders = table.EnumerateLogicalRemainders().ToList();

        Assert.Equal(23, table.LogicalRemainderCount);
        Assert.Equal(23, remainders.Count);
        Assert.Equal("00010", remainders[0]);
        Assert.DoesNotContain("10101", remainders);
        Assert.Contains(table.Warnings, w => w.StartsWith("Limited diversity: 18 cases for 32 configurations", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OneObservedConfiguration_SaysSoInTheSingular()
    {
        Case Project(string name) => new(name, new Dictionary<string, double> { ["A"] = 1, ["B"] = 1, ["Y"] = 1 });

        var table = TruthTable.Build(new CaseTable([Project("p1"), Project("p2")]), "Y", ["A", "B"]);

        Assert.Contains("Limited diversity: 2 cases for 4 configurations of 2 conditions; 1 configuration (25%) is observed and 3 are logical remainders.", table.Warnings);
    }

    [Fact]
    public void Build_LipsetFourConditions_FlagsThePublishedContradictions()
    {
        var table = TruthTable.Build(PublishedDatasets.LipsetFourConditions(), "SURV", ["DEV", "URB", "LIT", "IND"]);

        var contradictory = table.Rows.Where(r => r.IsContradictory).ToDictionary(r => r.Configuration);

        Assert.Equal(["0010", "1011", "1111"], contradictory.Keys.Order());
        Assert.Equal(0.250, contradictory["0010"].Consistency, 3);
        Assert.Equal(0.667, contradictory["1011"].Consistency, 3);
        Assert.Equal(0.750, contradictory["1111"].Consistency, 3);
        Assert.All(contradictory.Values, r => Assert.Equal(OutcomeValue.Negative, r.Outcome));
        Assert.Equal(3, table.Warnings.Count(w => w.Contains("contradictory", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_LipsetFuzzy_RowConsistencyAndPriFromAllCases()
    {
        var table = TruthTable.Build(
            PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions, new TruthTableOptions(InclusionCutoff: 0.8));

        var rows = table.Rows.ToDictionary(r => r.Configuration);

        // Row membership is min over conditions of x or 1 − x for every case, not only the row's own;
        // figures computed independently from the 18 cases (they match those in Dusa's QCA with R).
        Assert.Equal(["00000", "00001", "00100", "00101", "10101", "10110", "10111", "11110", "11111"], rows.Keys);
        Assert.Equal(["FI", "IE"], rows["10101"].Cases);
        Assert.Equal(0.804, rows["10101"].Consistency, 3);
        Assert.Equal(0.719, rows["10101"].Pri, 3);
        Assert.Equal(OutcomeValue.Positive, rows["10101"].Outcome);
        Assert.Equal(0.709, rows["10111"].Consistency, 3);
        Assert.Equal(0.634, rows["10111"].Pri, 3);
        Assert.Equal(OutcomeValue.Negative, rows["10111"].Outcome);
        Assert.Equal(0.904, rows["11111"].Consistency, 3);
        Assert.Equal(0.886, rows["11111"].Pri, 3);
        Assert.Equal(["BE", "CZ", "NL", "UK"], rows["11111"].Cases);
        Assert.Equal(0.216, rows["00000"].Consistency, 3);
        Assert.Equal(2, table.PositiveRows.Count());
    }

    [Fact]
    public void Build_FrequencyCutoff_RowsWithFewerCasesBecomeRemainders()
    {
        var table = TruthTable.Build(
            PublishedDatasets.LipsetCrisp(), "SURV", PublishedDatasets.LipsetConditions, new TruthTableOptions(FrequencyCutoff: 2));

        var remainders = table.Rows.Where(r => r.Outcome == OutcomeValue.Remainder).Select(r => r.Configuration);

        Assert.Equal(["00101", "10110", "11110"], remainders);
        Assert.Equal(23, table.LogicalRemainderCount);
    }

    [Fact]
    public void Build_CaseAtCrossover_IsLeftOutOfTheRowsWithAWarning()
    {
        var cases = PublishedDatasets.Table(
            ["A", "B", "Y"],
            ("in", [0.9, 0.8, 0.9]),
            ("ambiguous", [0.5, 0.8, 0.2]),
            ("out", [0.1, 0.2, 0.1]));

        var table = TruthTable.Build(cases, "Y", ["A", "B"]);

        Assert.Equal(["ambiguous"], table.CasesAtCrossover);
        Assert.DoesNotContain(table.Rows, r => r.Cases.Contains("ambiguous"));
        Assert.Contains(table.Warnings, w => w.Contains("ambiguous", StringComparison.Ordinal) && w.Contains("0.5", StringComparison.Ordinal));
        // Its memberships still count: row 11 has Σrow = 0.8 + 0.5 + 0.1 and Σmin(row, y) = 0.8 + 0.2 + 0.1.
        Assert.Equal(1.1 / 1.4, table.Rows.Single(r => r.Configuration == "11").Consistency, 12);
    }

    [Fact]
    public void Build_NegatedConditionAndOutcome_UsesComplements()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var table = TruthTable.Build(cases, "~SURV", ["~DEV", "STB"]);

        Assert.Equal("~SURV", table.Outcome);
        Assert.Equal(["~DEV", "STB"], table.Conditions);
        var row = table.Rows.Single(r => r.Configuration == "11");
        Assert.Equal(["EE", "IT", "RO"], row.Cases);
        Assert.Equal(OutcomeValue.Positive, row.Outcome);
    }

    [Fact]
    public void Build_OutcomeAlsoACondition_Throws()
    {
        Assert.Throws<GraphValidationException>(() => TruthTable.Build(PublishedDatasets.LipsetCrisp(), "SURV", ["DEV", "~SURV"]));
    }

    [Fact]
    public void Build_ConditionNamedTwice_Throws()
    {
        Assert.Throws<GraphValidationException>(() => TruthTable.Build(PublishedDatasets.LipsetCrisp(), "SURV", ["DEV", "~DEV"]));
    }

    [Fact]
    public void Build_PriCutoff_KeepsInconsistentInKindRowsNegative()
    {
        var table = TruthTable.Build(
            PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions, new TruthTableOptions(InclusionCutoff: 0.8, PriCutoff: 0.75));

        Assert.Equal(["11111"], table.PositiveRows.Select(r => r.Configuration));
    }
}
