namespace LocalVision.Server.Access;

/// <summary>What a caller may do. A key holds one or more roles; <see cref="RoleSet.Effective"/> adds the implied ones.</summary>
[Flags]
public enum Roles
{
    None = 0,

    /// <summary>Reads the graph, findings and insights, with confidential evidence redacted.</summary>
    Reader = 1,

    /// <summary>Also writes nodes, relationships and observations.</summary>
    Evaluator = 2,

    /// <summary>Also sees confidential evidence summaries and respondent roles.</summary>
    EvidenceReader = 4,

    /// <summary>Keys, audit, import, delete, backup and restore; implies every other role.</summary>
    Admin = 8,
}

public static class RoleSet
{
    /// <summary>The names used on the command line and in logs, in order of increasing power.</summary>
    private static readonly (Roles Role, string Name)[] Names =
    [
        (Roles.Reader, "reader"),
        (Roles.Evaluator, "evaluator"),
        (Roles.EvidenceReader, "evidence-reader"),
        (Roles.Admin, "admin"),
    ];

    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);

    /// <summary>The roles held, with the ones they imply: admin implies all; evaluator and evidence-reader imply reader.</summary>
    public static Roles Effective(Roles roles)
    {
        if (roles.HasFlag(Roles.Admin))
        {
            return Roles.Reader | Roles.Evaluator | Roles.EvidenceReader | Roles.Admin;
        }
        if ((roles & (Roles.Evaluator | Roles.EvidenceReader)) != 0)
        {
            roles |= Roles.Reader;
        }
        return roles;
    }

    /// <summary>Whether a caller holding <paramref name="held"/> may call something that needs <paramref name="required"/>.</summary>
    public static bool Satisfies(Roles held, Roles required) => (Effective(held) & required) == required;

    public static bool TryParse(string name, out Roles role)
    {
        foreach (var (value, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                role = value;
                return true;
            }
        }
        role = Roles.None;
        return false;
    }

    /// <summary>Comma-separated names, as stored and shown: <c>evaluator,evidence-reader</c>.</summary>
    public static string Format(Roles roles) =>
        string.Join(",", Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Name));

    public static Roles Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(Roles.None, (all, name) => TryParse(name, out var role) ? all | role : all);
}
