using LocalVision.Rules.Evaluation.Conditions;

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

    /// <summary>The person role that fills the element; null for the Enabler, who is recorded as an ENABLES engagement.</summary>
    public static string? RoleOf(string element) => element switch
    {
        Senior => "SENIOR_LEADER",
        Political => "ELECTED_MEMBER",
        ProjectLead => "PROJECT_LEAD",
        Clinical => "CLINICIAN",
        Community => "COMMUNITY_MEMBER",
        _ => null,
    };

    /// <summary>The catalogue code that codes the element explicitly, present or absent; null for elements no code covers.</summary>
    public static string? CodedBy(string element) => element switch
    {
        Senior => Codes.SeniorEngagementEarly,
        Political => Codes.PoliticalEngagement,
        Clinical => Codes.ClinicianEngagement,
        Community => Codes.CommunityEngagement,
        _ => null,
    };

    /// <summary>The derived condition that holds the element's value (<see cref="DerivedCodes"/>).</summary>
    public static string CodeOf(string element) => "LEADERSHIP_" + element;

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
