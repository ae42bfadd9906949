namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>A heading of the report the rules are grouped under: chapter 7's ingredients, then §8 and §5.3.</summary>
public sealed record ReportHeading(string Section, string Title);

/// <summary>The report's headings in its order, so that clients can show each project's evaluation heading by heading.</summary>
public static class ReportHeadings
{
    public static IReadOnlyList<ReportHeading> All { get; } =
    [
        new("7.1.1", "Nature of problem/challenge"),
        new("7.1.2", "Level of intervention"),
        new("7.1.3", "Prior experience of systems working"),
        new("7.1.4", "Imperative or burning platform for change"),
        new("7.2.1", "Alignment with other initiatives"),
        new("7.2.2", "Project ownership"),
        new("7.2.3", "Dedicated project support"),
        new("7.2.4", "Senior-level organisational and political engagement"),
        new("7.3.1", "Choice of Enabler"),
        new("7.3.2", "Engagement with local communities"),
        new("7.3.3", "Memorandum of Understanding"),
        new("7.3.4", "King's Fund learning network"),
        new("7.3.5", "Scale and timing of projects"),
        new("7.4.1", "Project leadership"),
        new("7.4.2", "Enabler exit conditions"),
        new("7.4.3", "Roll-out"),
        new("7.4.4", "Evaluating outcomes"),
        new("8", "Data analytics"),
        new("5.3", "Engaging professionals"),
    ];
}
