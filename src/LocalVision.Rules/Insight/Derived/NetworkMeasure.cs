namespace LocalVision.Rules.Insight.Derived;

/// <summary>A network measure of each initiative's partners.</summary>
/// <param name="AsOf">The graph as of this date (ties and partnerships valid on it); null means the analysis date.</param>
public sealed record NetworkMeasure(NetworkMeasureKind Kind, DateOnly? AsOf = null);
