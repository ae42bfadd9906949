using System.Globalization;
using System.Text;
using System.Xml;
using LocalVision.Cli.Transfer;
using LocalVision.V1;

namespace LocalVision.Cli.Output;

/// <summary>
/// The XY plot of one condition against the outcome as a standalone SVG file: each case's membership in the condition (x)
/// and the outcome (y), the diagonal, the quadrants named as Schneider and Wagemann name the cases a sufficiency claim
/// makes of them, the fit figures, and which cases were used and which left out.
/// </summary>
public static class XyPlotSvg
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    // The plot's square and the page around it, in SVG user units (px).
    public const double Left = 90;
    public const double Top = 96;
    public const double Size = 480;
    private const double Width = 780;
    private const double LineHeight = 16;
    private const double LabelHeight = 12;
    private const int WrapAt = 112;

    /// <summary>The four quadrants, by where they are: the term for the cases in them, then a note in smaller type.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Note)> Quadrants =
    [
        ("upper-right", "typical cases", "in X and in Y; under the diagonal: deviant in degree"),
        ("lower-right", "deviant cases consistency", "in X, not in Y: against sufficiency, consistent with necessity"),
        ("upper-left", "deviant cases coverage", "in Y, not in X: consistent with sufficiency, not covered; against necessity"),
        ("lower-left", "individually irrelevant cases", "in neither X nor Y"),
    ];

    /// <summary>Where a membership (0..1) falls on the page, for x and for y.</summary>
    public static double PageX(double membership) => Left + (membership * Size);

    public static double PageY(double membership) => Top + ((1 - membership) * Size);

    /// <summary>The SVG document for <paramref name="statistics"/>; <paramref name="label"/> turns a case's name into the name shown.</summary>
    public static string Write(ConditionStatistics statistics, string outcome, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(label);
        // A long line wraps; its continuation lines are indented.
        var accounting = Accounting(statistics, label).SelectMany(line => Wrap(line, WrapAt).Select((part, i) => (Text: part, Indent: i > 0 ? 20 : 0))).ToList();
        var height = Top + Size + 84 + (accounting.Count * LineHeight) + 16;

        // UTF-8 bytes, so the declaration says the encoding the file is written in.
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("svg", SvgNamespace);
            Attributes(xml, ("version", "1.1"), ("width", N(Width)), ("height", N(height)), ("viewBox", $"0 0 {N(Width)} {N(height)}"),
                ("font-family", "sans-serif"), ("font-size", "12"));
            Element(xml, "title", $"XY plot: {statistics.Condition} against {outcome}");
            Element(xml, "rect", null, ("width", "100%"), ("height", "100%"), ("fill", "white"));

            Element(xml, "text", $"{statistics.Condition} against {outcome}", ("id", "plot-title"), ("x", N(Left)), ("y", "26"), ("font-size", "16"), ("font-weight", "bold"));
            var figures = FigureLines(statistics).ToList();
            for (var i = 0; i < figures.Count; i++)
            {
                Element(xml, "text", figures[i], ("class", "figures"), ("x", N(Left)), ("y", N(46 + (i * LineHeight))));
            }

            Frame(xml, statistics.Condition, outcome);
            Cases(xml, statistics, label, QuadrantNames(xml));

            var y = Top + Size + 76;
            foreach (var (line, indent) in accounting)
            {
                Element(xml, "text", line, ("class", "accounting"), ("x", N(16 + indent)), ("y", N(y)));
                y += LineHeight;
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The fit figures, for the caption: sufficiency, necessity and the crisp table's test.</summary>
    private static IEnumerable<string> FigureLines(ConditionStatistics c)
    {
        var bounds = c.Bounds;
        yield return $"sufficiency: consistency {Figures.Defined(c.SufficiencyConsistency)}{Range(bounds?.SufficiencyConsistency)}, "
            + $"coverage {Figures.Defined(c.SufficiencyCoverage)}{Range(bounds?.SufficiencyCoverage)}, PRI {Figures.Defined(c.Pri)}  ·  "
            + $"necessity: consistency {Figures.Defined(c.NecessityConsistency)}{Range(bounds?.NecessityConsistency)}, "
            + $"coverage {Figures.Defined(c.NecessityCoverage)}, relevance {Figures.Defined(c.RelevanceOfNecessity)}";
        yield return $"n = {c.N}" + (c.NoCases || c.Crisp is null ? "" : $"  ·  Fisher's p {Figures.P(c.Crisp.FisherP)}")
            + (c.Judgeable ? "  ·  can be judged" : "  ·  cannot be judged on these cases")
            + (bounds is null ? "" : "  ·  (low–high): all unknowns absent to all present");
    }

    private static string Range(FigureRange? range) => range is null ? "" : $" ({Figures.Defined(range.Low)}–{Figures.Defined(range.High)})";

    /// <summary>The case accounting under the plot: the sentence, the caveats, the cases used, and those left out, by why.</summary>
    private static IEnumerable<string> Accounting(ConditionStatistics c, Func<string, string> label)
    {
        if (c.Summary.Length > 0)
        {
            yield return c.Summary;
        }
        foreach (var caveat in c.Caveats)
        {
            yield return "caveat: " + caveat;
        }
        var used = c.Points.Select(p => label(p.Name)).Order(StringComparer.Ordinal).ToList();
        yield return used.Count == 0
            ? "no case has values for both the condition and the outcome: nothing to plot"
            : $"{Figures.Count(used.Count, "case")} used: {string.Join(", ", used)}";
        foreach (var group in c.Excluded.GroupBy(e => e.Explanation.Length > 0 ? e.Explanation : e.Reason.ToString()))
        {
            yield return $"{Figures.Count(group.Count(), "case")} left out ({group.Key}): {string.Join(", ", group.Select(e => label(e.Name)))}";
        }
    }

    /// <summary>The axes with ticks every 0.1 (longer at 0, 0.5 and 1), the crossover lines at 0.5 and the diagonal x = y.</summary>
    private static void Frame(XmlWriter xml, string condition, string outcome)
    {
        Element(xml, "rect", null, ("id", "plot-area"), ("x", N(Left)), ("y", N(Top)), ("width", N(Size)), ("height", N(Size)), ("fill", "none"), ("stroke", "#333"));
        for (var i = 0; i <= 10; i++)
        {
            var v = i / 10.0;
            var length = i % 5 == 0 ? 7 : 4;
            Element(xml, "line", null, ("class", "tick x-tick"), ("x1", N(PageX(v))), ("y1", N(Top + Size)), ("x2", N(PageX(v))), ("y2", N(Top + Size + length)), ("stroke", "#333"));
            Element(xml, "line", null, ("class", "tick y-tick"), ("x1", N(Left - length)), ("y1", N(PageY(v))), ("x2", N(Left)), ("y2", N(PageY(v))), ("stroke", "#333"));
            Element(xml, "text", N(v), ("class", "tick-label"), ("x", N(PageX(v))), ("y", N(Top + Size + 20)), ("text-anchor", "middle"));
            Element(xml, "text", N(v), ("class", "tick-label"), ("x", N(Left - 10)), ("y", N(PageY(v) + 4)), ("text-anchor", "end"));
        }
        Element(xml, "text", $"{condition} (membership in the condition, x)", ("class", "axis-title"), ("x", N(Left + (Size / 2))), ("y", N(Top + Size + 42)), ("text-anchor", "middle"));
        Element(xml, "text", $"{outcome} (membership in the outcome, y)", ("class", "axis-title"), ("x", "0"), ("y", "0"), ("text-anchor", "middle"),
            ("transform", $"translate({N(Left - 48)} {N(Top + (Size / 2))}) rotate(-90)"));
        var dash = ("stroke-dasharray", "3 4");
        Element(xml, "line", null, ("class", "crossover"), ("x1", N(PageX(0.5))), ("y1", N(Top)), ("x2", N(PageX(0.5))), ("y2", N(Top + Size)), ("stroke", "#bbb"), dash);
        Element(xml, "line", null, ("class", "crossover"), ("x1", N(Left)), ("y1", N(PageY(0.5))), ("x2", N(Left + Size)), ("y2", N(PageY(0.5))), ("stroke", "#bbb"), dash);
        Element(xml, "line", null, ("id", "diagonal"), ("x1", N(PageX(0))), ("y1", N(PageY(0))), ("x2", N(PageX(1))), ("y2", N(PageY(1))), ("stroke", "#888"), ("stroke-dasharray", "6 4"));
        Element(xml, "text", "x = y", ("class", "diagonal-label"), ("x", N(PageX(0.93))), ("y", N(PageY(0.93) + 16)), ("fill", "#888"), ("text-anchor", "middle"));
    }

    /// <summary>Each quadrant's name in the corner the diagonal does not cross, the note under it in smaller type.</summary>
    private static List<(double X1, double Y1, double X2, double Y2)> QuadrantNames(XmlWriter xml)
    {
        var boxes = new List<(double X1, double Y1, double X2, double Y2)>();
        foreach (var (id, name, note) in Quadrants)
        {
            var (x, y, anchor) = id switch
            {
                "upper-left" => (PageX(0.01), PageY(0.99) + 12, "start"),
                "upper-right" => (PageX(0.51), PageY(0.99) + 12, "start"),
                "lower-right" => (PageX(0.99), PageY(0.01) - 28, "end"),
                _ => (PageX(0.49), PageY(0.01) - 28, "end"),
            };
            xml.WriteStartElement("text", SvgNamespace);
            Attributes(xml, ("class", "quadrant"), ("data-quadrant", id), ("x", N(x)), ("y", N(y)), ("text-anchor", anchor), ("fill", "#5a5a8a"), ("font-weight", "bold"));
            xml.WriteString(GraphXml.Clean(name));
            xml.WriteEndElement();
            // The note wraps in two lines to stay inside its quadrant.
            var lines = Wrap(note, 44).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                Element(xml, "text", lines[i], ("class", "quadrant-note"), ("x", N(x)), ("y", N(y + 12 + (i * 11))), ("text-anchor", anchor), ("fill", "#7a7a9a"), ("font-size", "9.5"));
            }
            // Where the name and note are, so the cases' names keep clear of them.
            var width = Math.Max(name.Length * 7.0, lines.Max(l => l.Length) * 5.0);
            var bottom = y + 14 + ((lines.Count - 1) * 11);
            boxes.Add(anchor == "start" ? (x, y - 12, x + width, bottom) : (x - width, y - 12, x, bottom));
        }
        return boxes;
    }

    /// <summary>
    /// A dot per case at its memberships and its name beside it. Cases at the same point share one block of names, a few
    /// to a line (downwards, or upwards near the bottom); a block that would cover one already placed moves on a line
    /// at a time, with a thin line back to its dot.
    /// </summary>
    private static void Cases(XmlWriter xml, ConditionStatistics statistics, Func<string, string> label, List<(double X1, double Y1, double X2, double Y2)> placed)
    {
        var groups = statistics.Points.GroupBy(p => (p.Condition, p.Outcome)).OrderByDescending(g => g.Key.Outcome).ThenBy(g => g.Key.Condition);
        foreach (var group in groups)
        {
            var (x, y) = group.Key;
            var cx = PageX(Math.Clamp(x, 0, 1));
            var cy = PageY(Math.Clamp(y, 0, 1));
            var cases = group.Select(p => (p.Name, Shown: label(p.Name))).OrderBy(c => c.Shown, StringComparer.Ordinal).ToList();
            foreach (var (name, shown) in cases)
            {
                xml.WriteStartElement("circle", SvgNamespace);
                Attributes(xml, ("class", "case"), ("data-case", name), ("data-x", N(x)), ("data-y", N(y)),
                    ("cx", N(cx)), ("cy", N(cy)), ("r", "4.5"), ("fill", "#1f6fb4"), ("fill-opacity", "0.8"));
                Element(xml, "title", $"{shown}: {statistics.Condition} {N(x)}, outcome {N(y)}");
                xml.WriteEndElement();
            }

            var lines = LabelLines(cases.Select(c => c.Shown).ToList());
            // Names on the right go to the left of their dot, so none runs off the plot; near the bottom they stack upwards.
            var leftward = x > 0.7;
            var step = cy > Top + (Size * 0.75) ? -LabelHeight : LabelHeight;
            var width = lines.Max(l => l.Width);
            // Upwards the first line sits just above the dot, so no name crosses the axis.
            var start = step < 0 ? cy - 5 : cy + 4;
            var first = start;
            (double, double, double, double) Block(double baseline)
            {
                var last = baseline + (step * (lines.Count - 1));
                var (top, bottom) = (Math.Min(baseline, last) - LabelHeight + 2, Math.Max(baseline, last) + 2);
                return leftward ? (cx - 8 - width, top, cx - 8, bottom) : (cx + 8, top, cx + 8 + width, bottom);
            }
            for (var tries = 0; tries < 60 && placed.Any(b => Overlap(b, Block(first))); tries++)
            {
                first += step;
            }
            placed.Add(Block(first));
            if (Math.Abs(first - start) >= LabelHeight)
            {
                Element(xml, "line", null, ("class", "leader"), ("x1", N(cx)), ("y1", N(cy)), ("x2", N(leftward ? cx - 6 : cx + 6)), ("y2", N(first - 4)), ("stroke", "#9ab"), ("stroke-width", "0.6"));
            }
            var shownToName = cases.ToLookup(c => c.Shown, c => c.Name);
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                var baseline = first + (step * i);
                // Leftwards a line is laid out from its right end, so it ends exactly beside the dot.
                var at = leftward ? cx - 8 : cx + 8;
                var names = leftward ? Enumerable.Reverse(lines[i].Names).ToList() : lines[i].Names;
                for (var j = 0; j < names.Count; j++)
                {
                    var shown = names[j];
                    var k = used[shown] = used.GetValueOrDefault(shown) + 1;
                    if (j > 0)
                    {
                        Element(xml, "text", "·", ("class", "label-separator"), ("x", N(leftward ? at + (Separator / 2) : at - (Separator / 2))), ("y", N(baseline)), ("text-anchor", "middle"), ("fill", "#999"));
                    }
                    Element(xml, "text", shown, ("class", "case-label"), ("data-case", shownToName[shown].ElementAt(k - 1)), ("x", N(at)), ("y", N(baseline)),
                        ("text-anchor", leftward ? "end" : "start"), ("font-size", "11"));
                    at += leftward ? -(NameWidth(shown) + Separator) : NameWidth(shown) + Separator;
                }
            }
        }
    }

    private const double Separator = 12;
    private const double LineWidth = 230;

    private static double NameWidth(string name) => name.Length * 6.1;

    /// <summary>Names a few to a line: as many as fit in <see cref="LineWidth"/>, a longer name alone.</summary>
    private static List<(List<string> Names, double Width)> LabelLines(IReadOnlyList<string> names)
    {
        var lines = new List<(List<string> Names, double Width)>();
        foreach (var name in names)
        {
            var width = NameWidth(name);
            if (lines.Count > 0 && lines[^1].Width + Separator + width <= LineWidth)
            {
                lines[^1].Names.Add(name);
                lines[^1] = (lines[^1].Names, lines[^1].Width + Separator + width);
            }
            else
            {
                lines.Add(([name], width));
            }
        }
        return lines;
    }

    private static bool Overlap((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b) =>
        a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;

    /// <summary>A line broken at spaces into lines of at most <paramref name="width"/> characters (a longer word stays whole).</summary>
    public static IEnumerable<string> Wrap(string line, int width)
    {
        var current = new StringBuilder();
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(word);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static void Element(XmlWriter xml, string name, string? content, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, SvgNamespace);
        Attributes(xml, attributes);
        if (content is not null)
        {
            xml.WriteString(GraphXml.Clean(content));
        }
        xml.WriteEndElement();
    }

    private static void Attributes(XmlWriter xml, params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            xml.WriteAttributeString(name, GraphXml.Clean(value));
        }
    }

    private static string N(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
