using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv xy`: the XY plot of a condition against the outcome as SVG, against the seeded service.</summary>
public sealed class LvXyTests(SeededServerFixture fixture) : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly string _folder = Directory.CreateTempSubdirectory("lv-xy-").FullName;

    private string Server => fixture.Server.Address;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Out_ACondition_WritesAnSvgWithADotPerCaseTheServerPlotsAndTheLeftOutNamed()
    {
        var json = await LvProcess.RunAsync(Server, "predictors", "-c", "COMMUNITY_ENGAGEMENT", "-o", "json");
        using var answer = JsonDocument.Parse(json.Output);
        var statistics = answer.RootElement.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("condition").GetString() == "COMMUNITY_ENGAGEMENT");
        var points = statistics.GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (X: Membership(p, "condition"), Y: Membership(p, "outcome")));
        var file = Path.Combine(_folder, "plot.svg");

        var result = await LvProcess.RunAsync(Server, "xy", "--condition", "COMMUNITY_ENGAGEMENT", "--out", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"wrote {file}: COMMUNITY_ENGAGEMENT against MOMENTUM, {points.Count} cases plotted", result.Output, StringComparison.Ordinal);
        var document = XDocument.Load(file);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        var dots = document.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "case").ToList();
        Assert.NotEmpty(points);
        Assert.Equal(points.Keys.Order(), dots.Select(d => (string)d.Attribute("data-case")!).Order());
        foreach (var dot in dots)
        {
            var (x, y) = points[(string)dot.Attribute("data-case")!];
            Assert.Equal(x, Number(dot, "data-x"), 4);
            Assert.Equal(y, Number(dot, "data-y"), 4);
        }
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
        // Display names, not resource names; the quadrants; the left-out cases with why.
        Assert.Contains("Hackney Local Vision project", texts);
        Assert.Contains("deviant cases consistency", texts);
        Assert.Contains("deviant cases coverage", texts);
        Assert.Contains(texts, t => t.Contains("left out (no value for COMMUNITY_ENGAGEMENT)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("sufficiency: consistency ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoOut_WritesTheSvgToStandardOutput()
    {
        var result = await LvProcess.RunAsync(Server, "xy", "-c", "~COMMUNITY_ENGAGEMENT", "--unknowns", "absent");

        Assert.Equal(0, result.ExitCode);
        var document = XDocument.Parse(result.Output);
        Assert.Equal("~COMMUNITY_ENGAGEMENT against MOMENTUM", document.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "plot-title").Value);
    }

    [Fact]
    public async Task OutputJson_PrintsTheConditionsFiguresAndPointsNotSvg()
    {
        var result = await LvProcess.RunAsync(Server, "xy", "-c", "COMMUNITY_ENGAGEMENT", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("COMMUNITY_ENGAGEMENT", json.RootElement.GetProperty("condition").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("points").EnumerateArray());
        // The cases left out of every condition (no value for the outcome) are listed with the condition's own.
        Assert.Contains(json.RootElement.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("explanation").GetString() == "no value for MOMENTUM");
    }

    [Fact]
    public async Task CaseTable_AnAnalystsOwnCases_AreLabelledAsTheTableNamesThem()
    {
        var file = Path.Combine(_folder, "lipset.svg");

        var result = await LvProcess.RunAsync(Server, "xy", "--case-table", LvProcess.RepositoryPath("docs", "examples", "lipset-crisp.csv"), "--outcome", "SURV", "-c", "DEV", "--out", file);

        Assert.Equal(0, result.ExitCode);
        var document = XDocument.Load(file);
        Assert.Equal(18, document.Descendants(Svg + "circle").Count());
        var labels = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "case-label").Select(t => t.Value).ToList();
        Assert.Equal(18, labels.Count);
        Assert.Contains("FI", labels);
    }

    [Fact]
    public async Task Condition_Misspelt_IsRefusedInOneLineWithTheServersSuggestion()
    {
        var file = Path.Combine(_folder, "none.svg");

        var result = await LvProcess.RunAsync(Server, "xy", "-c", "COMUNITY_ENGAGEMENT", "--out", file);

        LvAssert.RefusedInOneLine(result, 2, "InvalidArgument", "did you mean `COMMUNITY_ENGAGEMENT`?");
        Assert.False(File.Exists(file));
    }

    private static double Membership(JsonElement point, string property) => point.TryGetProperty(property, out var value) ? value.GetDouble() : 0;

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
