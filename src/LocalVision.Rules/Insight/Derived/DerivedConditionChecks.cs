using System.Text.RegularExpressions;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Derived;

/// <summary>Checks derived condition specs before any is computed, naming each fault by its request field path.</summary>
public static partial class DerivedConditionChecks
{
    /// <summary>The request field the derived conditions are given in.</summary>
    public const string Field = "derived_conditions";

    /// <exception cref="GraphValidationException">Every fault of every spec, e.g. <c>derived_conditions[0].calibration.thresholds</c>.</exception>
    public static void Check(IReadOnlyList<DerivedCondition> derived)
    {
        var violations = new List<FieldViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < derived.Count; i++)
        {
            var spec = derived[i];
            var at = $"{Field}[{i}]";
            if (spec.Name.Length == 0)
            {
                violations.Add(new($"{at}.name", "is required: the name the condition goes by in conditions and expressions"));
            }
            else if (!SetName().IsMatch(spec.Name))
            {
                violations.Add(new($"{at}.name", $"`{spec.Name}` is not a set name: a letter, then letters, digits or _"));
            }
            else if (CodeCatalogue.IsKnown(spec.Name))
            {
                violations.Add(new($"{at}.name", $"`{spec.Name}` is a code of the catalogue; give the derived condition a name of its own"));
            }
            else if (!seen.Add(spec.Name))
            {
                violations.Add(new($"{at}.name", $"`{spec.Name}` names another derived condition too"));
            }
            if ((spec.Network is null) == (spec.Property is null))
            {
                violations.Add(new(at, "give exactly one source: network or property"));
            }
            if (spec.Property is { Property.Length: 0 })
            {
                violations.Add(new($"{at}.property.property", "name the numeric property to calibrate, e.g. funding or population"));
            }
            violations.AddRange(Calibration(spec, $"{at}.calibration"));
        }
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }

    private static IEnumerable<FieldViolation> Calibration(DerivedCondition spec, string at)
    {
        var t = spec.Thresholds;
        if (t.Any(v => !double.IsFinite(v)))
        {
            yield return new($"{at}.thresholds", "must be finite numbers");
            yield break;
        }
        var increasing = t.Zip(t.Skip(1)).All(p => p.First < p.Second);
        var decreasing = t.Zip(t.Skip(1)).All(p => p.First > p.Second);
        if (spec.Method == CalibrationMethod.Direct)
        {
            if (t.Count != 3)
            {
                yield return new($"{at}.thresholds", $"the direct method takes three: exclusion, crossover, inclusion (reversed for a set of low values); {t.Count} given");
            }
            else if (!increasing && !decreasing)
            {
                yield return new($"{at}.thresholds", "exclusion, crossover and inclusion must be strictly increasing (or strictly decreasing for a set of low values)");
            }
            if (spec.InclusionMembership is <= 0.5 or >= 1 || double.IsNaN(spec.InclusionMembership))
            {
                yield return new($"{at}.inclusion_membership", $"must be above 0.5 and below 1 (0 means {Qca.Calibration.RInclusionMembership})");
            }
        }
        else if (t.Count == 0 || (!increasing && !decreasing))
        {
            yield return new($"{at}.thresholds", "the indirect method takes one or more group boundaries, strictly increasing (a set of high values) or strictly decreasing (low values)");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex SetName();
}
