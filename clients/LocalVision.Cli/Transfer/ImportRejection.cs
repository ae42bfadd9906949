using System.Globalization;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// Names the records of a refused import message by file and line. The server names them by place in the
/// message (`nodes[3].properties.kind`) and says how many messages it committed before; the messages are made
/// again, the same way, to find that one, so nothing about the sent batches has to be kept meanwhile.
/// </summary>
public static partial class ImportRejection
{
    [GeneratedRegex(@"^(?<list>nodes|relationships)\[(?<index>\d+)\]\.?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordField();

    /// <summary>The refusal with a `file:line: field: problem` line per violation, or null when the error is not a refused batch.</summary>
    public static CliException? Locate(RpcException error, IReadOnlyList<IImportFile> files, int batchSize)
    {
        var status = error.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        if (status is null || info?.Reason != "IMPORT_BATCH_REJECTED"
            || !info.Metadata.TryGetValue("committed_batches", out var text) || !int.TryParse(text, CultureInfo.InvariantCulture, out var committed))
        {
            return null;
        }
        var violations = (status.GetDetail<BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)) ?? [])
            .Concat(status.GetDetail<PreconditionFailure>()?.Violations.Select(v => (Field: v.Subject, v.Description)) ?? []);
        var batch = ImportFiles.Batches(files, batchSize).ElementAtOrDefault(committed);
        var lines = new List<string>
        {
            committed == 0
                ? $"{error.StatusCode}: the server refused batch 1, so nothing was written"
                : $"{error.StatusCode}: the server refused batch {committed + 1}, so nothing of it was written; the {committed} batch(es) before it were committed "
                    + $"({info.Metadata.GetValueOrDefault("nodes_written", "0")} nodes, {info.Metadata.GetValueOrDefault("relationships_written", "0")} relationships)",
        };
        lines.AddRange(violations.Select(v => Where(v.Field, batch) is { } place ? $"{place}: {v.Description}" : $"{v.Field}: {v.Description}"));
        return new CliException(string.Join(Environment.NewLine, lines));
    }

    private static string? Where(string field, ImportBatch? batch)
    {
        var match = RecordField().Match(field);
        if (batch is null || !match.Success)
        {
            return null;
        }
        var origins = match.Groups["list"].Value == "nodes" ? batch.NodeOrigins : batch.RelationshipOrigins;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        if (index >= origins.Count)
        {
            return null;
        }
        var rest = match.Groups["rest"].Value;
        return rest.Length == 0 ? origins[index].ToString() : $"{origins[index]}: {rest}";
    }
}
