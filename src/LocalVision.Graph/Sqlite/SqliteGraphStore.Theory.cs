using System.Globalization;
using LocalVision.Graph.Theory;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>The programme theory's history in the store's own file (table <c>theory_versions</c>).</summary>
public sealed partial class SqliteGraphStore
{
    private const string TheoryColumns = "version, text, note, author, create_time";

    public Task<IReadOnlyList<TheoryVersionRecord>> ListTheoryVersionsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<TheoryVersionRecord>>(connection => ReadTheory(connection, $"SELECT {TheoryColumns} FROM theory_versions ORDER BY version"), cancellationToken);

    public async Task<TheoryVersionRecord?> GetCurrentTheoryAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(connection => ReadTheory(connection, $"SELECT {TheoryColumns} FROM theory_versions ORDER BY version DESC LIMIT 1"), cancellationToken)).FirstOrDefault();

    public async Task<TheoryVersionRecord?> GetTheoryVersionAsync(string version, CancellationToken cancellationToken) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (await ReadAsync(connection => ReadTheory(connection, $"SELECT {TheoryColumns} FROM theory_versions WHERE version = @v", number), cancellationToken)).FirstOrDefault()
            : null;

    public Task<TheoryVersionRecord> AppendTheoryVersionAsync(
        string? expectedCurrent, string text, string note, string author, CancellationToken cancellationToken) =>
        AppendAsync(expectedCurrent, text, note, author, null, cancellationToken);

    public Task CopyTheoryVersionAsync(TheoryVersionRecord record, CancellationToken cancellationToken) =>
        AppendAsync(ITheoryHistory.Preceding(record.Version), record.Text, record.Note, record.Author, record.CreateTime, cancellationToken);

    /// <param name="time">When the version was made; now when null.</param>
    private async Task<TheoryVersionRecord> AppendAsync(
        string? expectedCurrent, string text, string note, string author, DateTimeOffset? time, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction();
            long current;
            using (var read = Command(transaction, "SELECT COALESCE(MAX(version), 0) FROM theory_versions"))
            {
                current = (long)read.ExecuteScalar()!;
            }
            var currentName = current == 0 ? null : current.ToString(CultureInfo.InvariantCulture);
            if (currentName != expectedCurrent)
            {
                throw new TheoryConflictException(expectedCurrent, currentName);
            }
            var record = new TheoryVersionRecord((current + 1).ToString(CultureInfo.InvariantCulture), text, note, author, time ?? _clock.GetUtcNow());
            using (var insert = Command(transaction, $"INSERT INTO theory_versions ({TheoryColumns}) VALUES (@v, @text, @note, @author, @time)"))
            {
                Bind(insert, ("@v", current + 1), ("@text", text), ("@note", note), ("@author", author), ("@time", record.CreateTime.ToUnixTimeMilliseconds()));
                insert.ExecuteNonQuery();
            }
            // A new theory changes every evaluation: the store's version moves, so caches keyed by it are stale.
            var version = StoreNextVersion(transaction);
            transaction.Commit();
            _changes.Record(version, [], []);
            Interlocked.Exchange(ref _version, version);
            return record with { CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTime.ToUnixTimeMilliseconds()) };
        }
        catch (SqliteException e)
        {
            throw SqliteFaults.Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static List<TheoryVersionRecord> ReadTheory(SqliteConnection connection, string sql, long? version = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (version is { } v)
        {
            command.Parameters.AddWithValue("@v", v);
        }
        using var reader = command.ExecuteReader();
        var records = new List<TheoryVersionRecord>();
        while (reader.Read())
        {
            records.Add(new TheoryVersionRecord(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return records;
    }
}
