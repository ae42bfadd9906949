namespace LocalVision.Graph.Theory;

/// <summary>
/// One version of the programme theory as a store keeps it: the text of its rules, why it was made, by whom and when.
/// Versions are numbered from 1 in the order they were made and are never changed.
/// </summary>
public sealed record TheoryVersionRecord(string Version, string Text, string Note, string Author, DateTimeOffset CreateTime);

/// <summary>Another change of the theory came first: the version the change was made against is no longer the current one.</summary>
public sealed class TheoryConflictException(string? expected, string? current)
    : Exception($"the theory changed meanwhile: the change was made against version {expected ?? "(none)"}, and the current version is {current ?? "(none)"}")
{
    public string? Current { get; } = current;
}

/// <summary>
/// The history of the programme theory, kept by the graph store beside the graph (SQLite: a table of the same file;
/// Neo4j: nodes of their own label in the same database), so replicas on one database share it. Appending bumps the
/// store's version, so every cache keyed by it, evaluations included, is stale at once.
/// </summary>
public interface ITheoryHistory
{
    /// <summary>Every version, oldest first; empty while the theory is the shipped one, never changed.</summary>
    Task<IReadOnlyList<TheoryVersionRecord>> ListTheoryVersionsAsync(CancellationToken cancellationToken);

    /// <summary>The newest version, or null when none was ever stored.</summary>
    Task<TheoryVersionRecord?> GetCurrentTheoryAsync(CancellationToken cancellationToken);

    /// <summary>The version of that number, or null when there is none.</summary>
    Task<TheoryVersionRecord?> GetTheoryVersionAsync(string version, CancellationToken cancellationToken);

    /// <summary>Stores the next version, numbered one above the current (1 when there is none).</summary>
    /// <param name="expectedCurrent">The version the change was made against; null when it was made against no stored version.</param>
    /// <exception cref="TheoryConflictException">The current version is not <paramref name="expectedCurrent"/>; nothing was stored.</exception>
    Task<TheoryVersionRecord> AppendTheoryVersionAsync(
        string? expectedCurrent, string text, string note, string author, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a version exactly as another store kept it — its number, text, note, author and time — as the next one:
    /// what a migration copies, so the history arrives as it was made.
    /// </summary>
    /// <exception cref="TheoryConflictException">The record's version is not the one after the current; nothing was stored.</exception>
    Task CopyTheoryVersionAsync(TheoryVersionRecord record, CancellationToken cancellationToken);

    /// <summary>The version before <paramref name="version"/>, null before version 1; what copying a record expects to be current.</summary>
    /// <exception cref="TheoryConflictException">The version is not a whole number from 1.</exception>
    static string? Preceding(string version) =>
        long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number == 1 ? null : (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new TheoryConflictException(version, null);
}
