using LocalVision.Graph.Schema;

namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>One code of the coding catalogue as <c>ListCodes</c> shows it.</summary>
/// <param name="Derived">True when the engine can derive it from the graph as well as an evaluator coding it.</param>
/// <param name="DerivedBy">The derivation rules that compute it.</param>
/// <param name="UsedBy">The CMO rules that match it.</param>
public sealed record CodeDescription(
    string Code,
    CodeKind Kind,
    string Group,
    string Section,
    string Description,
    bool Derived,
    IReadOnlyList<string> DerivedBy,
    IReadOnlyList<string> UsedBy);

/// <summary>The coding catalogue (<see cref="CodeCatalogue"/>) joined with the rules that derive and use each code.</summary>
public static class CodeCatalogueView
{
    public static IReadOnlyList<CodeDescription> List(CodeKind? kind = null)
    {
        var rules = RuleCatalogue.Describe();
        return CodeCatalogue.All
            .Where(c => kind is null || c.Kind == kind)
            .Select(c => new CodeDescription(c.Id, c.Kind, c.Group, c.Section, c.Description, c.Derived,
                rules.Where(r => r.Kind == RuleKind.Derivation && r.ContextCodes.Contains(c.Id)).Select(r => r.Id).ToList(),
                rules.Where(r => r.Kind != RuleKind.Derivation && (r.ContextCodes.Contains(c.Id) || r.Mechanism == c.Id || r.Outcome == c.Id))
                    .Select(r => r.Id).ToList()))
            .ToList();
    }
}
