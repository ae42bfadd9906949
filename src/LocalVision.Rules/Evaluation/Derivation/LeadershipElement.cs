using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>The elements of the §7.4.1 leadership configuration; a project is weakened by the absence of any.</summary>
public static class LeadershipElements
{
    public const string Senior = "SENIOR";
    public const string Political = "POLITICAL";
    public const string ProjectLead = "PROJECT_LEAD";
    public const string Enabler = "ENABLER";
    public const string Clinical = "CLINICAL";
    public const string Community = "COMMUNITY";

    public static IReadOnlyList<string> All { get; } = [Senior, Political, ProjectLead, Enabler, Clinical, Community];

    /// <summary>The element's place in <see cref="All"/>, for listing in the report's order.</summary>
    public static int OrderOf(string element) => All.ToList().IndexOf(element);

    /// <summary>The element a person's role fills, or null for roles outside the configuration (PROJECT_SUPPORT, FRONTLINE).</summary>
    public static string? OfRole(string role) => role switch
    {
        "SENIOR_LEADER" => Senior,
        "ELECTED_MEMBER" => Political,
        "PROJECT_LEAD" => ProjectLead,
        "CLINICIAN" => Clinical,
        "COMMUNITY_MEMBER" => Community,
        _ => null,
    };

    /// <summary>The coded context whose presence shows the element even when no such person is recorded.</summary>
    public static string? CodeOf(string element) => element switch
    {
        Senior => Codes.SeniorEngagementEarly,
        Political => Codes.PoliticalEngagement,
        Clinical => Codes.ClinicianEngagement,
        Community => Codes.CommunityEngagement,
        _ => null,
    };

    /// <summary>The element a coded context shows, or null.</summary>
    public static string? OfCode(string code) => All.FirstOrDefault(e => CodeOf(e) == code);

    public static string Describe(string element) => element switch
    {
        Senior => "senior organisational leadership",
        Political => "political leadership (elected members)",
        ProjectLead => "a project lead",
        Enabler => "an Enabler",
        Clinical => "clinical leadership",
        _ => "community leadership",
    };
}

/// <summary>One element of the leadership configuration that is present, and who or what shows it.</summary>
public sealed record LeadershipElement(string Initiative, string Element, string Source, IReadOnlyList<string> Nodes)
{
    public DerivedFact ToDerivedFact() => new("LEADERSHIP_ELEMENT", 1, $"{Element}: {Source}", Nodes);
}

/// <summary>A change of project lead: one PROJECT_LEAD stopped working for a partner and another started on or after that day.</summary>
public sealed record ProjectLeadChange(string Initiative, PersonRole Outgoing, PersonRole Incoming)
{
    public DateOnly On => Incoming.From!.Value;

    public DerivedFact ToDerivedFact() =>
        new("PROJECT_LEAD_CHANGE", 1,
            $"the project lead changed: {Outgoing.DisplayName} ({Outgoing.Person}) worked for {Outgoing.Partner} until {Outgoing.To:yyyy-MM-dd}, "
            + $"{Incoming.DisplayName} ({Incoming.Person}) from {Incoming.From:yyyy-MM-dd}",
            [Outgoing.Person, Incoming.Person]);
}
