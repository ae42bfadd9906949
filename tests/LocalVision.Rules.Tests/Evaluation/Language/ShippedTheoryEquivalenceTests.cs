using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Tests.Evaluation.Dataset;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Evaluation.Language;

/// <summary>
/// The shipped theory, read from its YAML and compiled through the rule model, says exactly what the C# rule classes it
/// replaced said. compiled-rules.golden.tsv was written by those classes (commit "Programme theory as data", before they
/// were deleted): one line per initiative of the sample data and per scope, with a hash of the whole evaluation.
/// </summary>
public sealed class ShippedTheoryEquivalenceTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Language", "compiled-rules.golden.tsv");

    [Fact]
    public async Task Evaluate_SampleDataUnderTheShippedYaml_EqualsTheCompiledCSharpRulesByteForByte()
    {
        Assert.SkipUnless(File.Exists(SampleDataset.Path), "The sample dataset is not beside the tests; it comes from data/localvision.jsonl.");
        await using var temp = TempStore.Create();
        await SampleDataset.LoadAsync(temp.Store, TestContext.Current.CancellationToken);
        var theory = CompiledTheory.Compile("1", TheoryReader.Read(ShippedTheory.Text));

        var lines = await EvaluationDigest.LinesAsync(temp.Store, new InitiativeEvaluator(theory, EvaluationOptions.Default));

        var expected = File.ReadAllLines(Golden);
        Assert.True(expected.Length > 100, "the golden file covers every initiative at every scope");
        Assert.Equal(expected, lines);
    }
}
