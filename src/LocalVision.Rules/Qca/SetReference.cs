using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>
/// A set named in a case table, or its negation. Written <c>X</c> or <c>~X</c>; the tilde means
/// "not X", so a case's membership in <c>~X</c> is one minus its membership in <c>X</c>.
/// </summary>
public readonly record struct SetReference(string Name, bool Negated)
{
    /// <summary>Reads <c>X</c> or <c>~X</c>; repeated tildes cancel in pairs, surrounding spaces are ignored.</summary>
    /// <exception cref="GraphValidationException">The text names no set.</exception>
    public static SetReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var negated = false;
        while (trimmed.StartsWith('~'))
        {
            negated = !negated;
            trimmed = trimmed[1..].TrimStart();
        }

        if (trimmed.Length == 0)
        {
            throw GraphValidationException.Single("set", $"`{text}` names no set");
        }

        return new SetReference(trimmed, negated);
    }

    /// <summary>The complementary set: <c>X</c> for <c>~X</c> and <c>~X</c> for <c>X</c>.</summary>
    public SetReference Negate() => this with { Negated = !Negated };

    /// <summary>A case's membership in this set, given its membership in the named set.</summary>
    public double MembershipFrom(double membershipInNamedSet) =>
        Negated ? 1.0 - membershipInNamedSet : membershipInNamedSet;

    public override string ToString() => Negated ? "~" + Name : Name;
}
