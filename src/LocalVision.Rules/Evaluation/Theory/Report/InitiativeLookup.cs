using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>Finds one initiative by its resource name (<c>initiatives/plymouth</c>), its id (<c>plymouth</c>) or its display name, case ignored.</summary>
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
        // Nearest by display name, or by id, whichever the caller seems to have typed.
        var near = Suggestion.Closest(id, initiatives.Select(n => n.DisplayName))
            ?? Suggestion.Closest(id.Contains('/', StringComparison.Ordinal) ? id : "initiatives/" + id, initiatives.Select(n => n.Name));
        throw new InitiativeNotFoundException(given, near);
    }
}
