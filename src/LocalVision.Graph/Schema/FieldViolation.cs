namespace LocalVision.Graph.Schema;

/// <summary>One thing wrong with a request, named by its field path (<c>nodes[3].properties.score</c>).</summary>
public sealed record FieldViolation(string Field, string Description);
