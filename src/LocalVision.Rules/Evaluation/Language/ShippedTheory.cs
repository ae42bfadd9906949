namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// The programme theory LocalVision ships (<c>src/LocalVision.Rules/Theory/local-vision.yaml</c>): the CMO rules of
/// docs/domain.md's table as the report states them. Every store's theory starts as this, version 1.
/// </summary>
public static class ShippedTheory
{
    private static readonly Lazy<string> LazyText = new(() =>
    {
        using var stream = typeof(ShippedTheory).Assembly.GetManifestResourceStream("local-vision.yaml")
            ?? throw new InvalidOperationException("The shipped theory is not embedded in LocalVision.Rules.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<IReadOnlyList<Catalogue.CmoRuleDefinition>> LazyRules = new(() => TheoryReader.Read(Text));

    /// <summary>The theory's text, comments included.</summary>
    public static string Text => LazyText.Value;

    /// <summary>The theory's rules in the order of docs/domain.md's table.</summary>
    public static IReadOnlyList<Catalogue.CmoRuleDefinition> Rules => LazyRules.Value;
}
