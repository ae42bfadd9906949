namespace LocalVision.Rules.Qca;

/// <summary>
/// A union of intersections of sets, written as the solutions are: literals (<c>X</c> or <c>~X</c>) joined by
/// <c>*</c> into terms, terms joined by <c>+</c>, e.g. <c>DEV*STB + ~CON</c>. A case's membership is the largest over
/// the terms of the smallest over the term's literals.
/// </summary>
public sealed record SetExpression(IReadOnlyList<IReadOnlyList<SetReference>> Terms)
{
    /// <summary>The distinct set names the expression reads, in the order they first appear.</summary>
    public IReadOnlyList<string> Names => Terms.SelectMany(t => t).Select(l => l.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Reads an expression; spaces around the operators are ignored.</summary>
    /// <exception cref="SetExpressionSyntaxException">The text is not a union of intersections of sets.</exception>
    public static SetExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<IReadOnlyList<SetReference>>();
        var literals = new List<SetReference>();
        var position = 0;
        while (true)
        {
            literals.Add(Literal(text, ref position));
            Skip(text, ref position);
            if (position == text.Length)
            {
                terms.Add(literals);
                return new SetExpression(terms);
            }
            switch (text[position])
            {
                case '*':
                    position++;
                    break;
                case '+':
                    terms.Add(literals);
                    literals = [];
                    position++;
                    break;
                default:
                    throw new SetExpressionSyntaxException(position, $"expected `*`, `+` or the end, found `{text[position]}`");
            }
        }
    }

    /// <summary>An expression of a solution model's terms.</summary>
    public static SetExpression Of(SolutionModel model) => new([.. model.Terms.Select(t => t.Literals)]);

    /// <summary>Each case's membership in the expression, in case order.</summary>
    /// <exception cref="LocalVision.Graph.Store.GraphValidationException">Some case has no value for a set the expression reads.</exception>
    public double[] Membership(CaseTable table)
    {
        var x = new double[table.Count];
        foreach (var term in Terms)
        {
            var literals = term.Select(table.MembershipArray).ToList();
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Max(x[i], literals.Count == 0 ? 1.0 : literals.Min(l => l[i]));
            }
        }
        return x;
    }

    public override string ToString() => string.Join(" + ", Terms.Select(t => string.Join("*", t)));

    private static SetReference Literal(string text, ref int position)
    {
        Skip(text, ref position);
        var negated = false;
        while (position < text.Length && text[position] == '~')
        {
            negated = !negated;
            position++;
            Skip(text, ref position);
        }
        var start = position;
        while (position < text.Length && IsNameCharacter(text[position]))
        {
            position++;
        }
        if (position == start)
        {
            throw new SetExpressionSyntaxException(start, position == text.Length
                ? "expected a set name, found the end"
                : $"expected a set name, found `{text[position]}`");
        }
        return new SetReference(text[start..position], negated);
    }

    private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

    private static void Skip(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}

/// <summary>The text is not a set expression; <see cref="Position"/> is the zero-based character where reading stopped.</summary>
public sealed class SetExpressionSyntaxException(int position, string problem)
    : Exception($"at position {position + 1}: {problem}")
{
    /// <summary>Zero-based.</summary>
    public int Position { get; } = position;

    public string Problem { get; } = problem;
}
