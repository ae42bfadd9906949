using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>Finds one initiative by its resource name (<c>initiatives/plymouth-local-vision</c>), its id (<c>plymouth-local-vision</c>) or its display name, case ignored.</summary>
public static class InitiativeLookup
{
    /// <exception cref="InitiativeNotFoundException">None matches; the message names the nearest one when it is close.</exception>
    public static GraphNode Find(string given, IReadOnlyCollection<GraphNode> initiatives)
    {
        var id = given.Trim();
        var found = initiatives.FirstOrDefault(n => n.Name == id)
            ?? initiatives.FirstOrDefault(n => string.Equals(n.Name, "initiatives/" + id, StringComparison.OrdinalIgnoreCase))
            ?? initiatives.FirstOrDefault(n => string.Equals(n.Name, id, StringComparison.OrdinalIgnoreCase))
            ?? initiatives.FirstOrDefault(n => string.Equals(n.DisplayName, id, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }
        // Nearest by display name, or by id, whichever the caller seems to have typed; else the one initiative whose
        // name holds what was typed (a place, "plymouth", for initiatives/plymouth-local-vision).
        var near = Suggestion.Closest(id, initiatives.Select(n => n.DisplayName))
            ?? Suggestion.Closest(id.Contains('/', StringComparison.Ordinal) ? id : "initiatives/" + id, initiatives.Select(n => n.Name))
            ?? OnlyOneHolding(id, initiatives);
        throw new InitiativeNotFoundException(given, near);
    }

    private static string? OnlyOneHolding(string typed, IReadOnlyCollection<GraphNode> initiatives)
    {
        if (typed.Length < 3)
        {
            return null;
        }
        var holding = initiatives
            .Where(n => n.Name.Contains(typed, StringComparison.OrdinalIgnoreCase) || n.DisplayName.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToList();
        return holding.Count == 1 ? holding[0].Name : null;
    }
}
