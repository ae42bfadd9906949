using System.Collections.ObjectModel;

namespace LocalVision.Rules.Configurations;

/// <summary>One case (an initiative, a country) with its membership in each set, 0 to 1.</summary>
public sealed record Case(string Name, IReadOnlyDictionary<string, double> Memberships);

/// <summary>
/// The cases of a configurational analysis: every case has a membership score between 0 and 1 in
/// each set it names (crisp data uses 0 and 1). Outcomes and conditions are looked up by name, and a
/// leading <c>~</c> asks for the negation.
/// </summary>
public sealed class CaseTable
{
    /// <exception cref="ArgumentException">
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
        foreach (var item in Cases)
        {
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                throw new ArgumentException("Every case needs a name.", nameof(cases));
            }

            if (!names.Add(item.Name))
            {
                throw new ArgumentException($"Case '{item.Name}' appears twice.", nameof(cases));
            }

            foreach (var (set, value) in item.Memberships)
            {
                if (!double.IsFinite(value) || value < 0.0 || value > 1.0)
                {
                    throw new ArgumentException(
                        $"Case '{item.Name}' has membership {value} in '{set}'; memberships lie between 0 and 1.",
                        nameof(cases));
                }
            }
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
    /// <exception cref="ArgumentException">Some case has no score for the set; the message names them.</exception>
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
            throw new ArgumentException("Add the set itself, not its negation.", nameof(set));
        }

        var missing = CaseNames.Where(n => !membershipByCase.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No membership in '{name.Name}' for {string.Join(", ", missing)}.", nameof(membershipByCase));
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
        var missing = Cases.Where(c => !c.Memberships.ContainsKey(set.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No membership in '{set.Name}' for {string.Join(", ", missing)}.", nameof(set));
        }

        return Cases.Select(c => set.MembershipFrom(c.Memberships[set.Name])).ToArray();
    }
}
