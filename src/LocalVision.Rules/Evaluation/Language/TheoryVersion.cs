using LocalVision.Graph.Theory;
using LocalVision.Rules.Evaluation.Catalogue;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>One version of the programme theory: its text, its rules, and why, by whom and when it was made.</summary>
/// <param name="CreateTime">When it was stored; null for the shipped theory while nothing was ever stored.</param>
public sealed record TheoryVersion(
    string Version, string Text, IReadOnlyList<CmoRuleDefinition> Rules, string Note, string Author, DateTimeOffset? CreateTime)
{
    /// <summary>The note and author of the shipped theory, version 1.</summary>
    public const string ShippedNote = "the initial programme theory: the CMO rules as the report states them (chapter 7, §8, §5.3)";

    public const string ShippedAuthor = "LocalVision";

    public static TheoryVersion Shipped { get; } =
        new(CompiledTheory.InitialVersion, ShippedTheory.Text, ShippedTheory.Rules, ShippedNote, ShippedAuthor, null);

    /// <exception cref="LocalVision.Graph.Store.GraphValidationException">The stored text no longer reads as a theory.</exception>
    public static TheoryVersion Of(TheoryVersionRecord record) =>
        new(record.Version, record.Text, TheoryReader.Read(record.Text), record.Note, record.Author, record.CreateTime);
}

/// <summary>No version of the programme theory has this number.</summary>
public sealed class TheoryVersionNotFoundException(string version, string current)
    : Exception($"The programme theory has no version `{version}`; versions run from 1 to {current}.")
{
    public string Version { get; } = version;
}
