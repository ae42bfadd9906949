using System.Net;
using System.Text.Json.Nodes;

namespace LocalVision.Graph.Neo4j;

/// <summary>One Cypher statement and its parameters (plain JSON: strings, numbers, booleans, lists, maps).</summary>
public sealed record Statement(string Text, JsonObject Parameters)
{
    public Statement(string text) : this(text, []) { }
}

/// <summary>The rows a statement returned, values decoded by <see cref="TypedJson"/>, and the server's bookmarks.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Bookmarks)
{
    public static QueryResult Empty { get; } = new([], [], []);

    /// <summary>A column of a row by name.</summary>
    public object? Value(int row, string field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return Rows[row][i];
            }
        }
        throw new FormatException($"the result has no column `{field}`; it has {string.Join(", ", Fields)}");
    }

    public T Single<T>(string field) =>
        Rows.Count == 1 ? (T)Value(0, field)! : throw new FormatException($"expected one row, got {Rows.Count}");
}

/// <summary>
/// The server answered with errors (in whatever HTTP status), or with a failure status and no usable body.
/// </summary>
/// <param name="Code">The Neo4j status code (<c>Neo.ClientError.Security.Unauthorized</c>), or null when the body had none.</param>
internal sealed class QueryApiException(HttpStatusCode status, string? code, string serverMessage)
    : Exception(code is null ? $"HTTP {(int)status}: {serverMessage}" : $"{code}: {serverMessage}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;

    public string ServerMessage { get; } = serverMessage;

    public bool IsTransient => Code?.StartsWith("Neo.TransientError.", StringComparison.Ordinal) == true;

    /// <summary>
    /// The transaction is gone: it idled past <c>server.queryapi.transaction_idle_timeout</c>, or the request reached
    /// another cluster member. Servers up to 2025.x say so with <c>Neo.ClientError.Request.Invalid</c> and a message.
    /// </summary>
    public bool IsTransactionNotFound =>
        Code is "Neo.ClientError.Transaction.TransactionNotFound"
        || (Code == "Neo.ClientError.Request.Invalid" && ServerMessage.Contains("was not found", StringComparison.OrdinalIgnoreCase));
}
