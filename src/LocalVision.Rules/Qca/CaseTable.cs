using System.Collections.ObjectModel;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>One case (an initiative, a country) with its membership in each set, 0 to 1.</summary>
public sealed record Case(string Name, IReadOnlyDictionary<string, double> Memberships);

/// <summary>
/// The cases of a configurational analysis: every case has a membership score between 0 and 1 in
/// each set it names (crisp data uses 0 and 1). Outcomes and conditions are looked up by name, and a
/// leading <c>~</c> asks for the negation.
/// </summary>
public sealed class CaseTable
{
    /// <exception cref="GraphValidationException">
    /// A case has no name, two cases share a name, or a membership is not a number between 0 and 1.
    /// </exception>
    public CaseTable(IEnumerable<Case> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);

        // Copied, so that the caller's dictionaries can change without changing the table.
        Cases = cases
            .Select(c => c with { Memberships = new ReadOnlyDictionary<string, double>(new Dictionary<string, double>(c.Memberships, StringComparer.Ordinal)) })
            .ToList()
            .AsReadOnly();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < Cases.Count; i++)
        {
            var item = Cases[i];
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                violations.Add(new($"cases[{i}].name", "is empty; every case needs a name"));
            }
            else if (!names.Add(item.Name))
            {
                violations.Add(new($"cases[{i}].name", $"`{item.Name}` names an earlier case too"));
            }

            foreach (var (set, value) in item.Memberships)
            {
                if (!double.IsFinite(value) || value < 0.0 || value > 1.0)
                {
                    violations.Add(new($"cases[{i}].memberships[{set}]", $"is {value}; memberships lie between 0 and 1"));
                }
                else if (set.Trim().TrimStart('~').Trim().Length == 0 || set.TrimStart().StartsWith('~'))
                {
                    violations.Add(new($"cases[{i}].memberships[{set}]", "names no set: a set is named without a leading ~ (a negation is asked for, not stored)"));
                }
            }
        }

        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }

        CaseNames = Cases.Select(c => c.Name).ToList().AsReadOnly();
    }

    public IReadOnlyList<Case> Cases { get; }

    public IReadOnlyList<string> CaseNames { get; }

    public int Count => Cases.Count;

    /// <summary>Whether every case has a membership score for the set (negation allowed).</summary>
    public bool Contains(string set)
    {
        var reference = SetReference.Parse(set);
        return Cases.All(c => c.Memberships.ContainsKey(reference.Name));
    }

    /// <summary>Each case's membership in the set, in case order; <c>~X</c> gives one minus X.</summary>
    /// <exception cref="GraphValidationException">Some case has no score for the set; the message names them.</exception>
    public IReadOnlyList<double> Memberships(string set) =>
        Array.AsReadOnly(MembershipArray(SetReference.Parse(set)));

    /// <summary>Whether every membership in the set is exactly 0 or 1.</summary>
    public bool IsCrisp(string set) => MembershipArray(SetReference.Parse(set)).All(v => v is 0.0 or 1.0);

    /// <summary>
    /// A copy of this table with one more set (or a replaced one), for instance a calibrated indicator.
    /// Every case must receive a membership.
    /// </summary>
    public CaseTable With(string set, IReadOnlyDictionary<string, double> membershipByCase)
    {
        ArgumentNullException.ThrowIfNull(membershipByCase);
        var name = SetReference.Parse(set);
        if (name.Negated)
        {
            throw GraphValidationException.Single("set", "add the set itself, not its negation");
        }

        var missing = CaseNames.Where(n => !membershipByCase.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new GraphValidationException(missing.Select(n => new FieldViolation($"memberships[{n}]", $"gives no membership in `{name.Name}`")).ToList());
        }

        return new CaseTable(Cases.Select(c =>
        {
            var memberships = new Dictionary<string, double>(c.Memberships, StringComparer.Ordinal)
            {
                [name.Name] = membershipByCase[c.Name],
            };
            return c with { Memberships = new ReadOnlyDictionary<string, double>(memberships) };
        }));
    }

    internal double[] MembershipArray(SetReference set)
    {
        var missing = Enumerable.Range(0, Cases.Count).Where(i => !Cases[i].Memberships.ContainsKey(set.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new GraphValidationException(missing.Select(i => new FieldViolation($"cases[{i}].memberships", $"`{Cases[i].Name}` has no value for `{set.Name}`")).ToList());
        }

        return Cases.Select(c => set.MembershipFrom(c.Memberships[set.Name])).ToArray();
    }
}
