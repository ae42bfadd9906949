using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>
/// <c>--derive NAME=SOURCE[@YYYY-MM-DD]:[indirect:]T1,T2,…</c>: a condition computed per project and calibrated
/// (docs/predictors.md, "Derived conditions"). SOURCE is a network measure — <c>brokerage</c> (of the lead partner),
/// <c>density</c> (of ties among the project's partners), <c>partner-kinds</c> — or a numeric property,
/// <c>initiative.PATH</c> or <c>locality.PATH</c>. The thresholds are the direct method's exclusion, crossover and
/// inclusion anchors, or after <c>indirect:</c> the indirect method's group boundaries. One condition per option;
/// repeat it for more.
/// </summary>
internal static class DerivedConditionOption
{
    public const string Syntax = "NAME=SOURCE[@date]:[indirect:]T1,T2,T3";

    private static readonly IReadOnlyDictionary<string, NetworkMeasureKind> Measures = new Dictionary<string, NetworkMeasureKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["brokerage"] = NetworkMeasureKind.LeadPartnerBrokerage,
        ["density"] = NetworkMeasureKind.PartnerNetworkDensity,
        ["partner-kinds"] = NetworkMeasureKind.PartnerKindCount,
    };

    private static readonly IReadOnlyDictionary<string, PropertyHolder> Holders = new Dictionary<string, PropertyHolder>(StringComparer.OrdinalIgnoreCase)
    {
        ["initiative"] = PropertyHolder.Initiative,
        ["locality"] = PropertyHolder.Locality,
    };

    public static Option<DerivedCondition[]> Create() => new("--derive")
    {
        HelpName = "spec",
        Description = "A condition computed for each project and calibrated, usable in --conditions: " + Syntax
            + ", SOURCE one of brokerage, density, partner-kinds (of the project's partners, as of the date or --as-of) or initiative.PROPERTY / locality.PROPERTY; "
            + "e.g. DENSE=density:0,0.1,0.3 or BIG=locality.population:50000,150000,400000; repeat for more",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = Parse,
    };

    private static DerivedCondition[] Parse(ArgumentResult result)
    {
        var conditions = new List<DerivedCondition>();
        foreach (var token in result.Tokens)
        {
            var (condition, error) = Read(token.Value);
            if (condition is null)
            {
                result.AddError($"--derive `{token.Value}`: {error}; write it as {Syntax}");
                return [];
            }
            conditions.Add(condition);
        }
        return [.. conditions];
    }

    /// <summary>The condition a spec stands for, or what is wrong with it (the server checks the name and the thresholds' order).</summary>
    internal static (DerivedCondition? Condition, string? Error) Read(string spec)
    {
        var equals = spec.IndexOf('=');
        if (equals <= 0)
        {
            return (null, "no NAME= before the source");
        }
        var name = spec[..equals].Trim();
        var rest = spec[(equals + 1)..];
        var colon = rest.IndexOf(':');
        if (colon < 0)
        {
            return (null, "no :thresholds after the source");
        }
        var (source, date) = SplitDate(rest[..colon].Trim());
        var calibration = new DerivedCalibration { Method = CalibrationMethod.Direct };
        var thresholds = rest[(colon + 1)..].Trim();
        if (thresholds.StartsWith("indirect:", StringComparison.OrdinalIgnoreCase))
        {
            calibration.Method = CalibrationMethod.Indirect;
            thresholds = thresholds["indirect:".Length..];
        }
        foreach (var part in thresholds.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return (null, $"`{part}` is not a number");
            }
            calibration.Thresholds.Add(value);
        }
        var condition = new DerivedCondition { Name = name, Calibration = calibration };
        if (Measures.TryGetValue(source, out var kind))
        {
            condition.Network = new NetworkMeasure { Kind = kind };
            if (date is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
                {
                    return (null, $"`{day}` is not a date YYYY-MM-DD");
                }
                condition.Network.AsOf = AnalysisOptions.Timestamp(asOf);
            }
            return (condition, null);
        }
        if (date is not null)
        {
            return (null, "only a network measure takes an @date");
        }
        var dot = source.IndexOf('.');
        if (dot > 0 && Holders.TryGetValue(source[..dot], out var holder) && dot < source.Length - 1)
        {
            condition.Property = new PropertyCalibration { Property = source[(dot + 1)..], Of = holder };
            return (condition, null);
        }
        // A misspelt measure or holder usually keeps its first letters.
        var close = Measures.Keys.Concat(Holders.Keys.Select(h => h + ".PROPERTY"))
            .FirstOrDefault(k => source.Length >= 3 && k.StartsWith(source[..3], StringComparison.OrdinalIgnoreCase));
        return (null, $"`{source}` is neither brokerage, density, partner-kinds nor initiative.PROPERTY or locality.PROPERTY"
            + (close is null ? "" : $" (did you mean {close}?)"));
    }

    private static (string Source, string? Date) SplitDate(string source)
    {
        var at = source.IndexOf('@');
        return at < 0 ? (source, null) : (source[..at].Trim(), source[(at + 1)..].Trim());
    }
}
