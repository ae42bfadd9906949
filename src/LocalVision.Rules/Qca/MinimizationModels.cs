namespace LocalVision.Rules.Qca;

/// <summary>Which remainders the minimisation may use.</summary>
public enum SolutionType
{
    /// <summary>Complex solution: no logical remainders, only the positive rows.</summary>
    Conservative,

    /// <summary>All logical remainders that help are used as don't-cares (simplifying assumptions).</summary>
    Parsimonious,

    /// <summary>Only easy counterfactuals, those in line with the directional expectations (Ragin and Sonnett).</summary>
    Intermediate,
}

/// <summary>How the prime implicant chart's minimal covers are chosen.</summary>
public enum ModelSelection
{
    /// <summary>
    /// Fewest prime implicants; every cover of that size is returned (M1, M2, …), as R's QCA package (the reference
    /// implementation) does: the default, so no equally minimal model is ever set aside.
    /// </summary>
    FewestTerms,

    /// <summary>Fewest prime implicants, then fewest literals in total; every cover that ties on both is returned, and a warning says when others were set aside.</summary>
    FewestTermsThenLiterals,
}

/// <summary>What is expected of a condition's presence, for the intermediate solution.</summary>
public enum DirectionalExpectation
{
    /// <summary>The condition's presence is expected to contribute to the outcome (1).</summary>
    Present,

    /// <summary>The condition's absence is expected to contribute to the outcome (0).</summary>
    Absent,
}

/// <param name="SolutionType">Conservative (default), parsimonious or intermediate.</param>
/// <param name="DirectionalExpectations">
/// For the intermediate solution: condition name, as listed in the truth table, to the expectation;
/// conditions left out have none.
/// </param>
/// <param name="ModelSelection">How equally short covers are told apart; see <see cref="Qca.ModelSelection"/>.</param>
/// <param name="MaxModels">Most models returned; a warning says when more exist.</param>
/// <param name="MaxListedConfigurations">Most configurations listed in a <see cref="ConfigurationSet"/>; the count is always exact.</param>
/// <param name="UntenableRemainders">
/// Enhanced Standard Analysis: configurations (e.g. <c>101</c>) the parsimonious and intermediate solutions may not
/// take as sufficient, because they are impossible or implausible; each must be a remainder or a negative row.
/// </param>
/// <param name="ExcludeContradictoryAssumptions">
/// Enhanced Standard Analysis: also leave out the contradictory simplifying assumptions, the remainders the
/// parsimonious solutions for the outcome and for its negation both take (see <see cref="EnhancedStandardAnalysis"/>).
/// </param>
public sealed record MinimizationOptions(
    SolutionType SolutionType = SolutionType.Conservative,
    IReadOnlyDictionary<string, DirectionalExpectation>? DirectionalExpectations = null,
    ModelSelection ModelSelection = ModelSelection.FewestTerms,
    int MaxModels = 1000,
    int MaxListedConfigurations = 1024,
    IReadOnlyList<string>? UntenableRemainders = null,
    bool ExcludeContradictoryAssumptions = false);

/// <summary>
/// A set of truth table configurations (for instance the simplifying assumptions): the exact count, and
/// the configurations themselves in row order up to a listing limit.
/// </summary>
public sealed record ConfigurationSet(long Count, IReadOnlyList<string> Configurations)
{
    public static ConfigurationSet Empty { get; } = new(0, []);

    /// <summary>Some configurations were not listed because there are more than the listing limit.</summary>
    public bool IsTruncated => Configurations.Count < Count;
}

/// <summary>A term of a solution (a prime implicant) with its fit and the cases behind it.</summary>
/// <param name="Expression">Literals in condition order joined by <c>*</c>, e.g. <c>DEV*~URB*LIT*STB</c>.</param>
/// <param name="Literals">The sets intersected; a negated condition appears negated.</param>
/// <param name="UniqueCoverage">The model's coverage minus the coverage of the model without this term (fuzzy, as R's QCA).</param>
/// <param name="Cases">Cases with membership above 0.5 in the term.</param>
/// <param name="UniqueCases">Of <paramref name="Cases"/>, those in no other term of the model above 0.5.</param>
/// <param name="DeviantCases">Of <paramref name="Cases"/>, those not in the outcome (membership 0.5 or less).</param>
/// <param name="CoveredRows">The positive truth table rows the term covers.</param>
public sealed record SolutionTerm(
    string Expression,
    IReadOnlyList<SetReference> Literals,
    double Consistency,
    double RawCoverage,
    double UniqueCoverage,
    double Pri,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> UniqueCases,
    IReadOnlyList<string> DeviantCases,
    IReadOnlyList<string> CoveredRows);

/// <summary>How an intermediate model was derived (R's C1P1, C1P2, ...: conservative model 1 with parsimonious model 1, ...).</summary>
/// <param name="Pair">The first pair of a conservative and a parsimonious model giving this model, e.g. <c>C1P2</c>.</param>
/// <param name="EasyCounterfactuals">That pair's simplifying assumptions consistent with the directional expectations; used.</param>
/// <param name="DifficultCounterfactuals">That parsimonious model's other simplifying assumptions; not used.</param>
/// <param name="AlsoDerivedFrom">Other pairs giving the same model.</param>
public sealed record IntermediateDerivation(
    string Pair,
    ConfigurationSet EasyCounterfactuals,
    ConfigurationSet DifficultCounterfactuals,
    IReadOnlyList<string> AlsoDerivedFrom);

/// <summary>One solution model: a disjunction of terms that covers every positive row.</summary>
/// <param name="Name"><c>M1</c>, <c>M2</c>, ... in order of literals, then terms.</param>
/// <param name="Expression">Terms joined by <c> + </c>, e.g. <c>DEV*~URB*LIT*STB + DEV*LIT*IND*STB</c>.</param>
/// <param name="Consistency">Sufficiency consistency of the union (fuzzy OR = max) of the terms.</param>
/// <param name="Coverage">Sufficiency coverage of that union.</param>
/// <param name="Cases">Cases with membership above 0.5 in the union.</param>
/// <param name="DeviantCases">Of <paramref name="Cases"/>, those not in the outcome.</param>
/// <param name="UncoveredCases">Cases in the outcome (above 0.5) that the model does not cover.</param>
/// <param name="SimplifyingAssumptions">Logical remainders the model covers (none for conservative models).</param>
/// <param name="Intermediate">For intermediate models, their derivation; otherwise null.</param>
public sealed record SolutionModel(
    string Name,
    string Expression,
    IReadOnlyList<SolutionTerm> Terms,
    double Consistency,
    double Coverage,
    double Pri,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> DeviantCases,
    IReadOnlyList<string> UncoveredCases,
    ConfigurationSet SimplifyingAssumptions,
    IntermediateDerivation? Intermediate);

/// <summary>A prime implicant of the chart with the positive rows it covers.</summary>
public sealed record PrimeImplicant(string Expression, IReadOnlyList<string> CoveredRows);

/// <summary>The outcome of a Boolean minimisation of a truth table.</summary>
/// <param name="Models">Every minimal model (M1, M2, ...); empty when no row is positive.</param>
/// <param name="PrimeImplicants">The rows of the prime implicant chart the models were chosen from (for intermediate solutions, of every derivation).</param>
/// <param name="Warnings">The truth table's warnings followed by the minimisation's.</param>
public sealed record MinimizationResult(
    SolutionType SolutionType,
    string Outcome,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<SolutionModel> Models,
    IReadOnlyList<PrimeImplicant> PrimeImplicants,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The remainders Enhanced Standard Analysis kept out of the solution, in row order: the untenable ones given and,
    /// when asked, the contradictory simplifying assumptions. Empty for a conservative solution, which uses none.
    /// </summary>
    public IReadOnlyList<string> ExcludedRemainders { get; init; } = [];
}
