using System.Globalization;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Cli.Output;

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
        var dryRun = info.Metadata.GetValueOrDefault("dry_run") == "true";
        var lines = new List<string>
        {
            committed == 0 || dryRun
                ? $"{error.StatusCode}: the server refused batch {committed + 1}, so nothing was written"
                : $"{error.StatusCode}: the server refused batch {committed + 1}, so nothing of it was written; the {Figures.Count(committed, "batch", "batches")} before it {(committed == 1 ? "was" : "were")} committed "
                    + $"({Figures.Count(Number(info, "nodes_written"), "node")}, {Figures.Count(Number(info, "relationships_written"), "relationship")})",
        };
        lines.AddRange(violations.Select(v => Where(v.Field, batch) is { } place ? $"{place}: {v.Description}" : $"{v.Field}: {v.Description}"));
        if (status.GetDetail<PreconditionFailure>()?.Violations.Any(v => v.Type == "NODE_EXISTS") == true)
        {
            lines.Add("to write over stored nodes, import again with --on-conflict replace (the file's node replaces the stored one) "
                + "or --on-conflict merge (keeps the stored properties the file does not give)");
        }
        return new CliException(string.Join(Environment.NewLine, lines));
    }

    private static long Number(ErrorInfo info, string key) =>
        long.TryParse(info.Metadata.GetValueOrDefault(key, "0"), CultureInfo.InvariantCulture, out var n) ? n : 0;

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
