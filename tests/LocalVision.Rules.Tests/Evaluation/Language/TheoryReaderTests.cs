using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Language;

namespace LocalVision.Rules.Tests.Evaluation.Language;

/// <summary>The rule language: the issue's shape is accepted, JSON too, and every mistake is named by field path and line.</summary>
public sealed class TheoryReaderTests
{
    private const string Mou = """
        rules:
          - id: MOU_YARDSTICK
            title: An MOU gave partners a shared yardstick
            sections: [7.3.3]
            polarity: INGREDIENT        # INGREDIENT | RISK | CAUTION
            status: INITIAL             # INITIAL | REFINED | REFUTED | CANDIDATE
            weight: 1
            when:
              - code: MOU_AGREED
                is: present             # present | absent | unknown
            mechanism: SHARED_NARRATIVE
            outcome: MOMENTUM
            explain: partners agreed an MOU, a yardstick for monitoring outcomes
        """;

    private static FieldViolation Refused(string text, string field) =>
        Assert.Single(Assert.Throws<GraphValidationException>(() => TheoryReader.Read(text)).Violations, v => v.Field == field);

    [Fact]
    public void Read_TheIssuesShape_GivesTheRule()
    {
        var rule = Assert.Single(TheoryReader.Read(Mou));

        Assert.Equal("MOU_YARDSTICK", rule.Id);
        Assert.Equal(Polarity.Ingredient, rule.Polarity);
        Assert.Equal(RuleStatus.Initial, rule.Status);
        Assert.Equal(["7.3.3"], rule.Sections);
        Assert.Equal(new ContextTerm("MOU_AGREED", Expectation.Present), Assert.Single(rule.Context));
        Assert.Equal(("SHARED_NARRATIVE", "MOMENTUM", 1.0), (rule.Mechanism, rule.Outcome, rule.Weight));
    }

    [Fact]
    public void Read_Json_GivesTheSameRulesAsYaml()
    {
        const string json = """
            {"rules": [{"id": "MOU_YARDSTICK", "title": "An MOU gave partners a shared yardstick", "sections": ["7.3.3"],
              "polarity": "INGREDIENT", "status": "INITIAL", "weight": 1, "when": [{"code": "MOU_AGREED", "is": "present"}],
              "mechanism": "SHARED_NARRATIVE", "outcome": "MOMENTUM", "explain": "partners agreed an MOU, a yardstick for monitoring outcomes"}]}
            """;

        Assert.Equal(TheoryWriter.Write(TheoryReader.Read(Mou)), TheoryWriter.Write(TheoryReader.Read(json)));
    }

    [Fact]
    public void Read_MisspelledCode_NamesRuleFieldAndLineAndTheCodeMeant()
    {
        var violation = Refused(Mou.Replace("code: MOU_AGREED", "code: MOU_AGRED"), "rules[0].when[0].code");

        Assert.Equal("line 9: `MOU_AGRED` is not a code of the coding catalogue nor one the engine derives; did you mean MOU_AGREED?", violation.Description);
    }

    [Fact]
    public void Read_MisspelledField_SuggestsTheField()
    {
        Assert.Contains("did you mean mechanism?", Refused(Mou.Replace("mechanism:", "mechansim:"), "rules[0].mechansim").Description);
    }

    [Fact]
    public void Read_MechanismThatIsAnOutcome_IsRefused()
    {
        Assert.StartsWith("line 11: `MOMENTUM` is not a mechanism code", Refused(Mou.Replace("mechanism: SHARED_NARRATIVE", "mechanism: MOMENTUM"), "rules[0].mechanism").Description);
    }

    [Theory]
    [InlineData("polarity: INGREDIENT", "polarity: GOOD", "rules[0].polarity")]
    [InlineData("status: INITIAL", "status: REFINEDD", "rules[0].status")]
    [InlineData("is: present", "is: maybe", "rules[0].when[0].is")]
    [InlineData("weight: 1", "weight: heavy", "rules[0].weight")]
    [InlineData("sections: [7.3.3]", "sections: []", "rules[0].sections")]
    [InlineData("explain: partners agreed an MOU", "explain: partners agreed [{MOU_AGREE}] an MOU", "rules[0].explain")]
    [InlineData("id: MOU_YARDSTICK", "id: mou yardstick", "rules[0].id")]
    public void Read_BadValue_IsRefusedAtItsField(string from, string to, string field)
    {
        Assert.StartsWith("line ", Refused(Mou.Replace(from, to), field).Description);
    }

    [Fact]
    public void Read_TwoRulesWithOneId_RefusesTheSecond()
    {
        var twice = Mou + "\n" + string.Join("\n", Mou.Split('\n').Skip(1));

        Assert.Contains("already the id of rules[0]", Refused(twice, "rules[1].id").Description);
    }

    [Fact]
    public void Read_NotYaml_SaysWhere()
    {
        Assert.Matches("^line [23]: not YAML or JSON", Refused("rules:\n  - id: [unclosed\n", "yaml").Description);
    }

    [Fact]
    public void Read_ThresholdAndUnknownTests_AreRead()
    {
        var text = Mou.Replace("is: present             # present | absent | unknown", "is: at_least\n        at_least: 0.75")
            .Replace("    mechanism:", "      - code: OUTCOME_METRICS\n        is: unknown\n    mechanism:");

        var rule = Assert.Single(TheoryReader.Read(text));

        Assert.Equal([new ContextTerm("MOU_AGREED", Expectation.AtLeast, Threshold: 0.75), new ContextTerm("OUTCOME_METRICS", Expectation.Unknown)], rule.Context);
    }

    [Fact]
    public void Read_ManyMistakes_AreBounded()
    {
        var many = "rules:\n" + string.Join("", Enumerable.Range(0, 50).Select(i => $"  - id: R{i}\n"));

        Assert.Equal(TheoryReader.MaxViolations, Assert.Throws<GraphValidationException>(() => TheoryReader.Read(many)).Violations.Count);
    }

    [Fact]
    public void Write_TheShippedTheory_ReadsBackToTheSameText()
    {
        var written = TheoryWriter.Write(ShippedTheory.Rules);

        Assert.Equal(written, TheoryWriter.Write(TheoryReader.Read(written)));
        Assert.Equal(32, ShippedTheory.Rules.Count);
    }
}
