namespace LocalVision.Rules.Insight.Derived;

/// <summary>A numeric node property read per initiative, as <see cref="NodeNumbers.Read"/> reads it.</summary>
public sealed record PropertyMeasure(string Property, PropertyHolder Of = PropertyHolder.Initiative);
