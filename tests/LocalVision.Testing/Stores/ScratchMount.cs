using System.Diagnostics;

namespace LocalVision.Testing.Stores;

/// <summary>
/// A small tmpfs mounted for one test, to make real disk-full and read-only file systems. Needs root (or
/// CAP_SYS_ADMIN); where mounting is not allowed the test is skipped, visibly, saying so.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private ScratchMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of the given size, or skips the test with the reason.</summary>
    public static ScratchMount Create(int kibibytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localvision-mounts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            Assert.Skip($"this test mounts a small tmpfs to fill up or make read-only, which needs root (CAP_SYS_ADMIN): `mount` said: {error.Trim()}");
        }
        return new ScratchMount(path);
    }

    /// <summary>Makes the whole file system read-only, as a disk remounted read-only after errors is.</summary>
    public void MakeReadOnly()
    {
        var (code, error) = Run("mount", "-o", "remount,ro", Path);
        Assert.True(code == 0, $"remounting {Path} read-only failed: {error}");
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path);
        }
        catch (IOException)
        {
            // A leftover empty folder is harmless.
        }
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
