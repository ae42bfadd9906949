using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace LocalVision.Cli.Commands;

/// <summary>Options the evaluation, insight and network commands share: a date to look back from, lists of codes, and fixed choices.</summary>
internal static class AnalysisOptions
{
    /// <summary>A date written YYYY-MM-DD, for the requests' <c>as_of</c>.</summary>
    public static Option<DateOnly?> AsOf(string description, string name = "--as-of") => new(name)
    {
        Description = description,
        HelpName = "date",
        CustomParser = ParseDate,
    };

    /// <summary>Midnight UTC of the date, as the server reads dates; null when no date was given.</summary>
    public static Timestamp? Timestamp(DateOnly? date) =>
        date is { } day ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null;

    /// <summary>A list given comma-separated (<c>A,B</c>) or by repeating the option; not space-separated, so it never takes a command's arguments.</summary>
    public static Option<string[]> List(string name, string helpName, string description, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    public static Option<string[]> Labels(string description) =>
        List("--label", "labels", description + ", e.g. Partner,Initiative,Enabler; all labels when left out", "-l");

    public static Option<string[]> RelationshipTypes(string description) =>
        List("--type", "types", description + ", e.g. PARTNER_IN,ENABLES; all types when left out", "-t");

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        result.AddError($"`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2015-09-01");
        return null;
    }
}

/// <summary>An option taking one of a few words, each standing for a value of the API (an algorithm, a solution type).</summary>
internal sealed class Choice<T>
{
    private readonly IReadOnlyDictionary<string, T> _values;

    public Choice(string name, string description, IReadOnlyDictionary<string, T> values, string fallback)
    {
        _values = values;
        Option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        Option.AcceptOnlyFromAmong([.. values.Keys]);
    }

    public Option<string> Option { get; }

    public T Value(ParseResult parse) => _values[parse.GetValue(Option)!];
}
