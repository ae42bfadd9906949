using Google.Protobuf;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// Holds streamed records in a temporary file until they can be written. GraphML and GEXF declare every
/// attribute before the first node, and the attributes are known only once the whole export has arrived;
/// spooling to disk keeps memory to the declarations however large the graph, where buffering the export
/// in memory would hold all of it. The file is deleted when the spool is disposed.
/// </summary>
public sealed class ExportSpool<T>(MessageParser<T> parser) : IDisposable
    where T : IMessage<T>
{
    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), $"lv-export-{Guid.NewGuid():N}.spool"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public void Add(T message) => message.WriteDelimitedTo(_file);

    /// <summary>The spooled messages in the order they were added.</summary>
    public IEnumerable<T> Replay()
    {
        _file.Flush();
        _file.Position = 0;
        while (_file.Position < _file.Length)
        {
            yield return parser.ParseDelimitedFrom(_file);
        }
    }

    public void Dispose() => _file.Dispose();
}
