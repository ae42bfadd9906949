using System.Globalization;

namespace LocalVision.Bench.Server;

/// <summary>
/// The bench's options that take a value (<c>--folder DIR</c>, <c>--port N</c>, <c>--web-port W</c>, <c>--budget S</c>:
/// the servers' budget for expensive calls in seconds), taken out of the arguments; the rest stay in order.
/// </summary>
public sealed record BenchOptions(string[] Positional, string? Folder, int? Port, int? WebPort, double? Budget = null)
{
    public static BenchOptions Parse(string[] args)
    {
        var rest = new List<string>();
        string? folder = null;
        int? port = null;
        int? webPort = null;
        double? budget = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--folder" && i + 1 < args.Length)
            {
                folder = Path.GetFullPath(args[++i]);
            }
            else if (args[i] == "--port" && i + 1 < args.Length)
            {
                port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--web-port" && i + 1 < args.Length)
            {
                webPort = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--budget" && i + 1 < args.Length)
            {
                budget = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return new BenchOptions([.. rest], folder, port, webPort, budget);
    }
}
