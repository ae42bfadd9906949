namespace LocalVision.Cli.Tests.Transfer;

/// <summary>A folder of its own for a test's input files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localvision-cli-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>Writes the lines (joined by LF) to a file of that name and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
