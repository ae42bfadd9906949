using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>Prints API results as tables for people or as JSON for scripts.</summary>
public static class Render
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    /// <summary>
    /// Spectre.Console assumes 80 columns whenever output is redirected; COLUMNS, the POSIX convention, lets a pipe or a
    /// test ask for wider tables.
    /// </summary>
    public static void UseColumnsFromEnvironment()
    {
        if (Console.IsOutputRedirected && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            AnsiConsole.Profile.Width = columns;
        }
    }

    public static void Message(IMessage message, OutputFormat format, Action table)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine(Json.Format(message));
        }
        else
        {
            table();
        }
    }

    /// <summary>The messages of a server stream: a JSON array for scripts, or the table.</summary>
    public static void Messages(IEnumerable<IMessage> messages, OutputFormat format, Action table)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine("[" + string.Join(",", messages.Select(m => Environment.NewLine + Json.Format(m))) + Environment.NewLine + "]");
        }
        else
        {
            table();
        }
    }

    /// <summary>What the server noted about a result (cases left out, limited diversity), after the result itself.</summary>
    public static void Warnings(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(warning)}");
        }
    }

    public static void NodeDetail(Node node)
    {
        var grid = new Table().Border(TableBorder.Rounded).AddColumn("property").AddColumn("value");
        grid.Title = new TableTitle($"{Markup.Escape(node.Name)} ({node.Label})");
        grid.AddRow("display name", Markup.Escape(node.DisplayName));
        foreach (var (key, value) in node.Properties?.Fields ?? [])
        {
            grid.AddRow(new Markup(Markup.Escape(key)), Cell(value));
        }
        if (node.UpdateTime is not null)
        {
            grid.AddRow("[grey]updated[/]", node.UpdateTime.ToDateTimeOffset().ToString("u"));
        }
        AnsiConsole.Write(grid);
    }

    public static void Nodes(IEnumerable<Node> nodes, string? footer = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("label").AddColumn("display name").AddColumn("key properties");
        foreach (var node in nodes)
        {
            table.AddRow(Markup.Escape(node.Name), node.Label, Markup.Escape(node.DisplayName), Markup.Escape(KeyProperties(node)));
        }
        if (footer is not null)
        {
            table.Caption = new TableTitle(Markup.Escape(footer));
        }
        AnsiConsole.Write(table);
    }

    public static void Relationships(IEnumerable<Relationship> relationships, string? footer = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("start").AddColumn("type").AddColumn("end").AddColumn("properties");
        foreach (var r in relationships)
        {
            table.AddRow(Markup.Escape(r.Start), $"[blue]{r.Type}[/]", Markup.Escape(r.End),
                Markup.Escape(string.Join(", ", (r.Properties?.Fields ?? []).Select(kv => $"{kv.Key}={Text(kv.Value)}"))));
        }
        if (footer is not null)
        {
            table.Caption = new TableTitle(Markup.Escape(footer));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>A neighbourhood or ego network: its nodes, then the ties among them.</summary>
    public static void Subgraph(Subgraph subgraph)
    {
        Nodes(subgraph.Nodes, $"{subgraph.Nodes.Count} nodes" + (subgraph.Truncated ? " (limit reached)" : ""));
        Relationships(subgraph.Relationships, $"{subgraph.Relationships.Count} relationships");
    }

    /// <summary>An object becomes a nested table (indicators, councils), anything else its text.</summary>
    private static Spectre.Console.Rendering.IRenderable Cell(Value value)
    {
        if (value.KindCase != Value.KindOneofCase.StructValue)
        {
            return new Markup(Markup.Escape(Text(value)));
        }
        var nested = new Table().Border(TableBorder.Simple).HideHeaders().AddColumn("key").AddColumn("value");
        foreach (var (key, inner) in value.StructValue.Fields)
        {
            nested.AddRow(Markup.Escape(key), Markup.Escape(Summary(inner)));
        }
        return nested;
    }

    /// <summary>An indicator-like object in one line: its value, unit and year first.</summary>
    private static string Summary(Value value)
    {
        if (value.KindCase != Value.KindOneofCase.StructValue)
        {
            return Text(value);
        }
        var fields = value.StructValue.Fields;
        string[] leading = ["value", "unit", "year"];
        var head = string.Join(" ", leading.Where(fields.ContainsKey).Select(k => Text(fields[k])));
        var rest = string.Join(", ", fields.Where(kv => !leading.Contains(kv.Key)).Select(kv => $"{kv.Key}: {Text(kv.Value)}"));
        return head.Length == 0 ? rest : $"{head} — {rest}";
    }

    /// <summary>The few properties that say most about a node of each label.</summary>
    private static string KeyProperties(Node node)
    {
        string[] keys = node.Label switch
        {
            "Locality" => ["laType", "region"],
            "Partner" => ["kind"],
            "Person" => ["role"],
            "Initiative" => ["kind", "cohort", "level"],
            "Observation" => ["code", "score", "at", "confidence"],
            "Evidence" => ["kind", "reportSection"],
            "Outcome" => ["domain"],
            _ => [],
        };
        var fields = node.Properties?.Fields;
        return string.Join(", ", keys.Where(k => fields?.ContainsKey(k) == true).Select(k => $"{k}={Text(fields![k])}"));
    }

    public static string Text(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => value.StringValue,
        Value.KindOneofCase.NumberValue => value.NumberValue.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
        Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Value.KindOneofCase.NullValue => "null",
        _ => JsonFormatter.Default.Format(value),
    };
}
