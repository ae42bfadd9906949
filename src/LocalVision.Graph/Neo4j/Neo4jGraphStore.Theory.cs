using System.Globalization;
using System.Text.Json.Nodes;
using LocalVision.Graph.Theory;

namespace LocalVision.Graph.Neo4j;

/// <summary>The programme theory's history as nodes of their own label (<see cref="TheoryCypher"/>).</summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<TheoryVersionRecord>> ListTheoryVersionsAsync(CancellationToken cancellationToken) =>
        Records(await ReadAsync(new Statement(TheoryCypher.ListVersions), cancellationToken));

    public async Task<TheoryVersionRecord?> GetCurrentTheoryAsync(CancellationToken cancellationToken) =>
        Records(await ReadAsync(new Statement(TheoryCypher.CurrentVersion), cancellationToken)).FirstOrDefault();

    public async Task<TheoryVersionRecord?> GetTheoryVersionAsync(string version, CancellationToken cancellationToken) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Records(await ReadAsync(new Statement(TheoryCypher.GetVersion, new JsonObject { ["version"] = number }), cancellationToken)).FirstOrDefault()
            : null;

    public Task<TheoryVersionRecord> AppendTheoryVersionAsync(
        string? expectedCurrent, string text, string note, string author, CancellationToken cancellationToken) =>
        AppendAsync(expectedCurrent, text, note, author, _options.Clock.GetUtcNow(), cancellationToken);

    public Task CopyTheoryVersionAsync(TheoryVersionRecord record, CancellationToken cancellationToken) =>
        AppendAsync(ITheoryHistory.Preceding(record.Version), record.Text, record.Note, record.Author, record.CreateTime, cancellationToken);

    private Task<TheoryVersionRecord> AppendAsync(
        string? expectedCurrent, string text, string note, string author, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
        return InWriteTransactionAsync(async (tx, token) =>
        {
            var current = Records(await tx.RunAsync(new Statement(TheoryCypher.CurrentVersion), token)).FirstOrDefault()?.Version;
            if (current != expectedCurrent)
            {
                throw new TheoryConflictException(expectedCurrent, current);
            }
            var version = (current is null ? 0 : long.Parse(current, CultureInfo.InvariantCulture)) + 1;
            await tx.RunAsync(new Statement(TheoryCypher.AppendVersion, new JsonObject
            {
                ["version"] = version,
                ["text"] = text,
                ["note"] = note,
                ["author"] = author,
                ["createTime"] = now.ToUnixTimeMilliseconds(),
            }), token);
            return (new TheoryVersionRecord(version.ToString(CultureInfo.InvariantCulture), text, note, author, now), true);
        }, cancellationToken);
    }

    private static List<TheoryVersionRecord> Records(QueryResult result) =>
        Enumerable.Range(0, result.Rows.Count).Select(row => new TheoryVersionRecord(
            Convert.ToInt64(result.Value(row, "version"), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            (string)result.Value(row, "text")!,
            (string)result.Value(row, "note")!,
            (string)result.Value(row, "author")!,
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(result.Value(row, "createTime"), CultureInfo.InvariantCulture)))).ToList();
}
