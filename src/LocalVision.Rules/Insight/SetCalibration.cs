using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

public enum CalibrationMethod
{
    Direct,
    Indirect,
}

/// <summary>Where the raw values come from: given, a numeric property of the graph's nodes, or a column of the analyst's table.</summary>
/// <param name="Values">Given values; used when <paramref name="Label"/> and <paramref name="Table"/> are null.</param>
/// <param name="Filter">Which nodes of the label, for a graph property.</param>
public sealed record CalibrationSource(
    IReadOnlyList<double> Values,
    string? Label = null,
    string? Property = null,
    NodeFilter? Filter = null,
    IReadOnlyList<Case>? Table = null,
    string? Column = null);

/// <param name="Names">The node or case of each membership, for a graph property or a table column; empty for given values.</param>
public sealed record CalibratedSet(IReadOnlyList<double> Values, IReadOnlyList<double> Memberships, IReadOnlyList<string> Names, double InclusionMembership, IReadOnlyList<string> Warnings);

/// <summary>Calibrates raw values into set memberships (<see cref="Calibration"/>), reading them from the graph or a case table when asked.</summary>
public sealed class SetCalibration(IGraphStore store)
{
    private const int PageSize = 1000;

    /// <exception cref="GraphValidationException">Bad thresholds or inclusion membership, an unknown label, or no value to calibrate.</exception>
    public async Task<CalibratedSet> CalibrateAsync(
        CalibrationSource source, CalibrationMethod method, IReadOnlyList<double> thresholds, double inclusionMembership, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var (names, values) = source switch
        {
            { Label: { } label } => await PropertyAsync(label, source.Property ?? "", source.Filter ?? NodeFilter.None, warnings, cancellationToken),
            { Table: { } table } => Column(table, source.Column ?? "", warnings),
            _ => ([], source.Values.ToList()),
        };
        if (values.Count == 0)
        {
            throw GraphValidationException.Single("values", "there is no value to calibrate");
        }
        IReadOnlyList<double> memberships;
        if (method == CalibrationMethod.Direct)
        {
            if (thresholds.Count != 3)
            {
                throw GraphValidationException.Single("thresholds", "the direct method takes three: exclusion, crossover, inclusion (reversed for a set of low values)");
            }
            memberships = Calibration.Direct(values, new CalibrationAnchors(thresholds[0], thresholds[1], thresholds[2]), inclusionMembership);
        }
        else
        {
            memberships = Calibration.Indirect(values, thresholds);
        }
        return new CalibratedSet(values, memberships, names, inclusionMembership, warnings);
    }

    private async Task<(List<string>, List<double>)> PropertyAsync(string label, string property, NodeFilter filter, List<string> warnings, CancellationToken cancellationToken)
    {
        if (!Labels.IsKnown(label))
        {
            throw GraphValidationException.Single("label", $"`{label}` is not a label; one of {string.Join(", ", Labels.All)}");
        }
        if (property.Length == 0)
        {
            throw GraphValidationException.Single("property", "name the numeric property to calibrate");
        }
        var names = new List<string>();
        var values = new List<double>();
        var without = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListNodesAsync(new NodeQuery(label, filter, PageSize, token), cancellationToken);
            foreach (var node in page.Items)
            {
                if (NodeNumbers.Read(node, property) is { } value && double.IsFinite(value))
                {
                    names.Add(node.Name);
                    values.Add(value);
                }
                else
                {
                    without.Add(node.Name);
                }
            }
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        if (without.Count > 0)
        {
            warnings.Add($"{without.Count} {label} node{(without.Count == 1 ? " has" : "s have")} no number for `{property}` and {(without.Count == 1 ? "is" : "are")} left out: {string.Join(", ", without.Take(20))}{(without.Count > 20 ? ", …" : "")}");
        }
        return (names, values);
    }

    private static (List<string>, List<double>) Column(IReadOnlyList<Case> table, string column, List<string> warnings)
    {
        if (column.Length == 0)
        {
            throw GraphValidationException.Single("column", "name the case table column to calibrate");
        }
        var with = table.Where(c => c.Memberships.ContainsKey(column)).ToList();
        var without = table.Count - with.Count;
        if (without > 0)
        {
            warnings.Add($"{without} case{(without == 1 ? " has" : "s have")} no value for `{column}` and {(without == 1 ? "is" : "are")} left out");
        }
        return (with.Select(c => c.Name).ToList(), with.Select(c => c.Memberships[column]).ToList());
    }
}
