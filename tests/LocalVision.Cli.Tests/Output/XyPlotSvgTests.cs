using System.Globalization;
using System.Xml.Linq;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Tests.Output;

public sealed class XyPlotSvgTests
{
    private static readonly XNamespace Svg = XyPlotSvg.SvgNamespace;

    private static ConditionStatistics Sample()
    {
        var statistics = new ConditionStatistics
        {
            Condition = "FUNDING", N = 4, SufficiencyConsistency = 0.875, SufficiencyCoverage = 0.7, Pri = 0.8, NecessityConsistency = 0.7,
            NecessityCoverage = 0.875, RelevanceOfNecessity = 0.9, Crisp = new CrispTable { FisherP = 0.4 }, Summary = "present in 2 of 3 cases with MOMENTUM",
            Judgeable = false,
        };
        statistics.Points.Add(new CasePoint { Name = "initiatives/a", Condition = 0.9, Outcome = 1 });
        statistics.Points.Add(new CasePoint { Name = "initiatives/b", Condition = 0.2, Outcome = 0.8 });
        // Two cases at the same point: their names must not be drawn on top of each other.
        statistics.Points.Add(new CasePoint { Name = "initiatives/c", Condition = 0.6, Outcome = 0.3 });
        statistics.Points.Add(new CasePoint { Name = "initiatives/d", Condition = 0.6, Outcome = 0.3 });
        statistics.Caveats.Add("only 4 cases");
        statistics.Excluded.Add(new ExcludedCase { Name = "initiatives/e", Reason = ExclusionReason.Unknown, Explanation = "no value for FUNDING" });
        statistics.Excluded.Add(new ExcludedCase { Name = "initiatives/f", Reason = ExclusionReason.Unknown, Explanation = "no value for FUNDING" });
        return statistics;
    }

    private static readonly Dictionary<string, string> Names = new()
    {
        ["initiatives/a"] = "Alpha", ["initiatives/b"] = "Beta", ["initiatives/c"] = "Gamma", ["initiatives/d"] = "Delta", ["initiatives/e"] = "Epsilon",
        ["initiatives/f"] = "Zeta",
    };

    private static XDocument Plot(ConditionStatistics statistics, Func<string, string> label) => XDocument.Parse(XyPlotSvg.Write(statistics, "MOMENTUM", label));

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Texts(XDocument document, string @class) =>
        document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == @class).Select(t => t.Value);

    [Fact]
    public void Write_EachCaseUsed_IsOneDotAtItsMembershipsLabelledWithItsName()
    {
        var statistics = Sample();
        var document = Plot(statistics, n => Names[n]);

        Assert.Equal(Svg + "svg", document.Root!.Name);
        var dots = document.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "case").ToList();
        Assert.Equal(statistics.Points.Select(p => p.Name).Order(), dots.Select(d => (string)d.Attribute("data-case")!).Order());
        var area = document.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("id") == "plot-area");
        var (left, top, size) = (Number(area, "x"), Number(area, "y"), Number(area, "width"));
        foreach (var point in statistics.Points)
        {
            var dot = dots.Single(d => (string)d.Attribute("data-case")! == point.Name);
            Assert.Equal(left + (point.Condition * size), Number(dot, "cx"), 3);
            Assert.Equal(top + ((1 - point.Outcome) * size), Number(dot, "cy"), 3);
        }
        Assert.Equal(["Alpha", "Beta", "Delta", "Gamma"], Texts(document, "case-label").Order());
    }

    [Fact]
    public void Write_ManyCasesAtTheSamePoint_HaveNamesThatNeitherOverlapNorLeaveThePicture()
    {
        var statistics = Sample();
        var names = new Dictionary<string, string>(Names);
        for (var i = 0; i < 30; i++)
        {
            // Crisp sets put many cases at the corners: the bottom two here (names going right, and going left).
            statistics.Points.Add(new CasePoint { Name = $"initiatives/n{i}", Condition = i % 2, Outcome = 0 });
            names[$"initiatives/n{i}"] = $"Case number {i}";
        }
        var document = Plot(statistics, n => names[n]);

        var root = document.Root!;
        var (width, height) = (Number(root, "width"), Number(root, "height"));
        var boxes = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "case-label")
            .Select(t => (Name: t.Value, Width: t.Value.Length * 6.0, Anchor: (string?)t.Attribute("text-anchor"), X: Number(t, "x"), Y: Number(t, "y")))
            .Select(t => (t.Name, X: t.Anchor == "end" ? t.X - t.Width : t.X, t.Y, t.Width)).ToList();
        Assert.Equal(statistics.Points.Count, boxes.Count);
        Assert.Equal(statistics.Points.Select(p => p.Name).Order(),
            document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "case-label").Select(t => (string)t.Attribute("data-case")!).Order());
        foreach (var a in boxes)
        {
            Assert.InRange(a.X, 0, width - a.Width);
            Assert.InRange(a.Y, 12, XyPlotSvg.Top + XyPlotSvg.Size);
            foreach (var b in boxes.Where(b => b != a))
            {
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || Math.Abs(a.Y - b.Y) >= 11;
                Assert.True(apart, $"`{a.Name}` at ({a.X}, {a.Y}) covers `{b.Name}` at ({b.X}, {b.Y})");
            }
        }
    }

    [Fact]
    public void Write_Plot_HasTheDiagonalFromOriginToOneOneAndTheFourQuadrantsNamed()
    {
        var document = Plot(Sample(), n => Names[n]);

        var area = document.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("id") == "plot-area");
        var diagonal = document.Descendants(Svg + "line").Single(l => (string?)l.Attribute("id") == "diagonal");
        Assert.Equal(Number(area, "x"), Number(diagonal, "x1"));
        Assert.Equal(Number(area, "y") + Number(area, "height"), Number(diagonal, "y1"));
        Assert.Equal(Number(area, "x") + Number(area, "width"), Number(diagonal, "x2"));
        Assert.Equal(Number(area, "y"), Number(diagonal, "y2"));
        var quadrants = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "quadrant")
            .ToDictionary(t => (string)t.Attribute("data-quadrant")!, t => t.Value);
        Assert.Equal("typical cases", quadrants["upper-right"]);
        Assert.Equal("deviant cases consistency", quadrants["lower-right"]);
        Assert.Equal("deviant cases coverage", quadrants["upper-left"]);
        Assert.Equal("individually irrelevant cases", quadrants["lower-left"]);
        // The ticks: eleven on each axis, 0 to 1.
        Assert.Equal(11, document.Descendants(Svg + "line").Count(l => ((string?)l.Attribute("class"))?.Contains("x-tick", StringComparison.Ordinal) == true));
        Assert.Contains("0.5", Texts(document, "tick-label"));
    }

    [Fact]
    public void Write_Captions_GiveTheFiguresAndTheCaseAccounting()
    {
        var document = Plot(Sample(), n => Names[n]);

        Assert.Equal("FUNDING against MOMENTUM", document.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "plot-title").Value);
        var figures = string.Join("\n", Texts(document, "figures"));
        Assert.Contains("sufficiency: consistency 0.88, coverage 0.70", figures, StringComparison.Ordinal);
        Assert.Contains("necessity: consistency 0.70, coverage 0.88", figures, StringComparison.Ordinal);
        Assert.Contains("n = 4", figures, StringComparison.Ordinal);
        var accounting = Texts(document, "accounting").ToList();
        Assert.Contains("4 cases used: Alpha, Beta, Delta, Gamma", accounting);
        Assert.Contains("2 cases left out (no value for FUNDING): Epsilon, Zeta", accounting);
        Assert.Contains("caveat: only 4 cases", accounting);
    }

    [Fact]
    public void Write_NamesWithMarkup_AreEscapedAndTheDocumentStaysValid()
    {
        var statistics = Sample();
        statistics.Condition = "A<B&C>";
        var svg = XyPlotSvg.Write(statistics, "MOMENTUM", n => n == "initiatives/a" ? "Tom & Jerry <Ltd> \u0001" : Names[n]);

        Assert.Contains("Tom &amp; Jerry &lt;Ltd&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<Ltd>", svg, StringComparison.Ordinal);
        var document = XDocument.Parse(svg);
        Assert.Contains("Tom & Jerry <Ltd> \uFFFD", Texts(document, "case-label"));
        Assert.Equal("A<B&C> against MOMENTUM", document.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "plot-title").Value);
    }

    [Fact]
    public void Write_NoCases_StillAValidPlotSayingSo()
    {
        var statistics = new ConditionStatistics { Condition = "ADEQUATE_TIME", NoCases = true, SufficiencyConsistency = double.NaN };

        var document = Plot(statistics, n => n);

        Assert.Empty(document.Descendants(Svg + "circle"));
        Assert.Contains(Texts(document, "accounting"), line => line.StartsWith("no case has values", StringComparison.Ordinal));
        Assert.DoesNotContain("NaN", document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_LongLine_BreaksAtSpacesWithinTheWidth()
    {
        var lines = XyPlotSvg.Wrap(string.Join(" ", Enumerable.Repeat("word", 40)), 30).ToList();

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(l.Length <= 30, l));
        Assert.Equal(40, lines.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }
}
