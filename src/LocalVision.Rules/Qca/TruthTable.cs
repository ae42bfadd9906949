using System.Globalization;
using System.Text;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>The outcome value (OUT) a truth table row is given.</summary>
public enum OutcomeValue
{
    /// <summary>Enough cases, consistency below the inclusion cut-off (OUT = 0).</summary>
    Negative = 0,

    /// <summary>Enough cases and consistent enough to be taken as sufficient (OUT = 1).</summary>
    Positive = 1,

    /// <summary>Fewer cases than the frequency cut-off (OUT = ?): treated like a logical remainder.</summary>
    Remainder = 2,
}

/// <summary>The cut-offs that turn row consistencies into outcome values.</summary>
/// <param name="InclusionCutoff">Minimum consistency for OUT = 1 (R's <c>incl.cut</c>; default 1).</param>
/// <param name="FrequencyCutoff">Minimum number of cases for a row to count (R's <c>n.cut</c>; default 1).</param>
/// <param name="PriCutoff">Minimum PRI for OUT = 1 (R's <c>pri.cut</c>; default 0).</param>
public sealed record TruthTableOptions(double InclusionCutoff = 1.0, int FrequencyCutoff = 1, double PriCutoff = 0.0);

/// <summary>One configuration of the conditions with the cases that belong to it.</summary>
/// <param name="Index">Row number from 0, reading the configuration as a binary number (first condition highest); R's row number is Index + 1.</param>
/// <param name="Configuration">One digit per condition in the given order: 1 present, 0 absent, e.g. <c>10101</c>.</param>
/// <param name="Cases">Cases whose membership in this configuration is above 0.5.</param>
/// <param name="Consistency">Σmin(row, y) / Σrow over all cases, row membership being min over conditions of x or 1 − x.</param>
/// <param name="Pri">Proportional reduction in inconsistency of the row.</param>
/// <param name="Outcome">The value the minimisation uses: a contradictory row is positive or negative by its consistency, as in R's QCA.</param>
/// <param name="IsContradictory">Its cases disagree on the outcome: some are in it (above 0.5), some out (below 0.5).</param>
/// <param name="Sums">The fuzzy sums behind <paramref name="Consistency"/> and <paramref name="Pri"/>.</param>
/// <param name="CasesInOutcome">Of <paramref name="Cases"/>, those in the outcome (above 0.5).</param>
/// <param name="CasesOutOfOutcome">Of <paramref name="Cases"/>, those out of the outcome (below 0.5); a case at exactly 0.5 is on neither side.</param>
public sealed record TruthTableRow(
    long Index,
    string Configuration,
    IReadOnlyList<string> Cases,
    double Consistency,
    double Pri,
    OutcomeValue Outcome,
    bool IsContradictory,
    SetSums Sums,
    IReadOnlyList<string> CasesInOutcome,
    IReadOnlyList<string> CasesOutOfOutcome)
{
    public int N => Cases.Count;
}

/// <summary>
/// A truth table: every observed configuration of the chosen conditions with its cases, consistency,
/// PRI and outcome value; configurations without cases are logical remainders.
/// </summary>
public sealed class TruthTable
{
    /// <summary>Most conditions a truth table can have; rows are numbered with 64-bit integers.</summary>
    public const int MaxConditions = 62;

    private readonly SetReference[] conditionReferences;
    private readonly double[][] conditionMemberships;
    private readonly double[] outcomeMemberships;
    private readonly HashSet<long> observed;

    private TruthTable(
        CaseTable cases,
        SetReference outcome,
        SetReference[] conditions,
        double[][] conditionMemberships,
        double[] outcomeMemberships,
        TruthTableOptions options,
        IReadOnlyList<TruthTableRow> rows,
        IReadOnlyList<string> casesAtCrossover,
        IReadOnlyList<string> warnings)
    {
        Cases = cases;
        Outcome = outcome.ToString();
        conditionReferences = conditions;
        Conditions = conditions.Select(c => c.ToString()).ToList().AsReadOnly();
        this.conditionMemberships = conditionMemberships;
        this.outcomeMemberships = outcomeMemberships;
        Options = options;
        Rows = rows;
        CasesAtCrossover = casesAtCrossover;
        Warnings = warnings;
        observed = rows.Select(r => r.Index).ToHashSet();
    }

    public CaseTable Cases { get; }

    public string Outcome { get; }

    /// <summary>The conditions in the order given; this order is used in configurations and expressions.</summary>
    public IReadOnlyList<string> Conditions { get; }

    public TruthTableOptions Options { get; }

    /// <summary>The observed rows (at least one case), by <see cref="TruthTableRow.Index"/>.</summary>
    public IReadOnlyList<TruthTableRow> Rows { get; }

    /// <summary>Cases with a membership of exactly 0.5 in some condition: they belong to no row.</summary>
    public IReadOnlyList<string> CasesAtCrossover { get; }

    /// <summary>Limited diversity, contradictions and cases at the crossover, in words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<TruthTableRow> PositiveRows => Rows.Where(r => r.Outcome == OutcomeValue.Positive);

    public IEnumerable<TruthTableRow> NegativeRows => Rows.Where(r => r.Outcome == OutcomeValue.Negative);

    /// <summary>Number of configurations with no case at all: 2^k minus the observed rows.</summary>
    public long LogicalRemainderCount => (1L << Conditions.Count) - Rows.Count;

    /// <summary>The configurations with no case, in row order. Lazy: there are 2^k − observed of them.</summary>
    public IEnumerable<string> EnumerateLogicalRemainders()
    {
        var total = 1L << Conditions.Count;
        for (var index = 0L; index < total; index++)
        {
            if (!observed.Contains(index))
            {
                yield return ConfigurationOf(index);
            }
        }
    }

    internal int ConditionCount => conditionReferences.Length;

    internal IReadOnlyList<SetReference> ConditionReferences => conditionReferences;

    internal double[] OutcomeMemberships => outcomeMemberships;

    /// <summary>Builds the truth table of <paramref name="outcome"/> over <paramref name="conditions"/>.</summary>
    /// <exception cref="GraphValidationException">
    /// No or too many conditions, a set named twice, the outcome among the conditions, a cut-off out of
    /// range, or a case without a membership.
    /// </exception>
    public static TruthTable Build(
        CaseTable cases, string outcome, IReadOnlyList<string> conditions, TruthTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(conditions);
        options ??= new TruthTableOptions();
        Validate(options);
        var outcomeReference = SetReference.Parse(outcome);
        var conditionReferences = conditions.Select(SetReference.Parse).ToArray();
        ValidateConditions(outcomeReference, conditionReferences);

        var k = conditionReferences.Length;
        var x = conditionReferences.Select(cases.MembershipArray).ToArray();
        var y = cases.MembershipArray(outcomeReference);

        var members = new SortedDictionary<long, List<int>>();
        var atCrossover = new List<string>();
        var warnings = new List<string>();
        for (var c = 0; c < cases.Count; c++)
        {
            var crossing = Enumerable.Range(0, k).Where(i => x[i][c] == 0.5).ToList();
            if (crossing.Count > 0)
            {
                atCrossover.Add(cases.CaseNames[c]);
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Case {cases.CaseNames[c]} has membership 0.5 in {string.Join(", ", crossing.Select(i => conditionReferences[i]))}: it belongs to no row and is left out of the rows (its memberships still count in the consistency sums)."));
                continue;
            }

            var index = 0L;
            for (var i = 0; i < k; i++)
            {
                if (x[i][c] > 0.5)
                {
                    index |= 1L << (k - 1 - i);
                }
            }

            if (!members.TryGetValue(index, out var list))
            {
                members[index] = list = [];
            }

            list.Add(c);
        }

        var rows = new List<TruthTableRow>();
        var rowMembership = new double[cases.Count];
        foreach (var (index, caseIndices) in members)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                rowMembership[c] = MembershipInCube(x, k, ulong.MaxValue >> (64 - k), (ulong)index, c);
            }

            var sums = SetSums.Of(rowMembership, y);
            var fit = sums.Sufficiency();
            var value = caseIndices.Count < options.FrequencyCutoff
                ? OutcomeValue.Remainder
                : AtLeast(fit.Consistency, options.InclusionCutoff) && AtLeast(fit.Pri, options.PriCutoff)
                    ? OutcomeValue.Positive
                    : OutcomeValue.Negative;
            var inOutcome = caseIndices.Where(c => y[c] > 0.5).Select(c => cases.CaseNames[c]).ToList().AsReadOnly();
            var outOfOutcome = caseIndices.Where(c => y[c] < 0.5).Select(c => cases.CaseNames[c]).ToList().AsReadOnly();
            var contradictory = inOutcome.Count > 0 && outOfOutcome.Count > 0;
            var configuration = ConfigurationOf(index, k);
            var caseNames = caseIndices.Select(c => cases.CaseNames[c]).ToList().AsReadOnly();
            if (contradictory)
            {
                warnings.Add($"Row {configuration} ({string.Join(", ", caseNames)}) is contradictory: its cases disagree on {outcomeReference}.");
            }

            rows.Add(new TruthTableRow(index, configuration, caseNames, fit.Consistency, fit.Pri, value, contradictory, sums, inOutcome, outOfOutcome));
        }

        var configurations = 1L << k;
        if (cases.Count < configurations || rows.Count * 2L < configurations)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Limited diversity: {cases.Count} case{(cases.Count == 1 ? "" : "s")} for {configurations} configurations of {k} condition{(k == 1 ? "" : "s")}; {rows.Count} configuration{(rows.Count == 1 ? "" : "s")} ({100.0 * rows.Count / configurations:0.###}%) {(rows.Count == 1 ? "is" : "are")} observed and {configurations - rows.Count} {(configurations - rows.Count == 1 ? "is a logical remainder" : "are logical remainders")}."));
        }

        return new TruthTable(cases, outcomeReference, conditionReferences, x, y, options, rows.AsReadOnly(),
            atCrossover.AsReadOnly(), warnings.AsReadOnly());
    }

    internal string ConfigurationOf(long index) => ConfigurationOf(index, ConditionCount);

    /// <summary>Each case's membership in the cube: min over its literals of x or 1 − x.</summary>
    internal double[] Membership(Implicant cube)
    {
        var result = new double[Cases.Count];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = MembershipInCube(conditionMemberships, ConditionCount, cube.Mask, cube.Bits, c);
        }

        return result;
    }

    private static double MembershipInCube(double[][] x, int k, ulong mask, ulong bits, int caseIndex)
    {
        var membership = 1.0;
        for (var i = 0; i < k; i++)
        {
            var bit = 1UL << (k - 1 - i);
            if ((mask & bit) != 0)
            {
                var value = x[i][caseIndex];
                membership = Math.Min(membership, (bits & bit) != 0 ? value : 1.0 - value);
            }
        }

        return membership;
    }

    private static string ConfigurationOf(long index, int k)
    {
        var builder = new StringBuilder(k);
        for (var i = 0; i < k; i++)
        {
            builder.Append((index & (1L << (k - 1 - i))) != 0 ? '1' : '0');
        }

        return builder.ToString();
    }

    // Sums of many doubles drift in the last bits; a row at exactly the cut-off must pass.
    private static bool AtLeast(double value, double cutoff) => value >= cutoff - 1e-10;

    private static void Validate(TruthTableOptions options)
    {
        if (options.InclusionCutoff is < 0.0 or > 1.0 || double.IsNaN(options.InclusionCutoff))
        {
            throw GraphValidationException.Single("inclusion_cutoff", "must lie between 0 and 1");
        }

        if (options.PriCutoff is < 0.0 or > 1.0 || double.IsNaN(options.PriCutoff))
        {
            throw GraphValidationException.Single("pri_cutoff", "must lie between 0 and 1");
        }

        if (options.FrequencyCutoff < 1)
        {
            throw GraphValidationException.Single("frequency_cutoff", "must be at least 1");
        }
    }

    private static void ValidateConditions(SetReference outcome, SetReference[] conditions)
    {
        if (conditions.Length is 0 or > MaxConditions)
        {
            throw GraphValidationException.Single("conditions", $"a truth table needs between 1 and {MaxConditions} conditions");
        }

        var duplicate = conditions.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw GraphValidationException.Single("conditions", $"`{duplicate.Key}` is named twice");
        }

        if (conditions.Any(c => c.Name == outcome.Name))
        {
            throw GraphValidationException.Single("conditions", $"`{outcome.Name}` cannot be both the outcome and a condition");
        }
    }
}
