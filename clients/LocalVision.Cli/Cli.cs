using System.CommandLine;
using Grpc.Core;
using LocalVision.Cli.Output;

namespace LocalVision.Cli;

/// <summary>A mistake the CLI can explain before or without calling the server.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>A mistake at a line of an input file, printed `file:line: problem` as compilers do, so editors can jump to it.</summary>
public sealed class InputFileException(string file, int line, string problem) : Exception($"{file}:{line}: {problem}");

public static class Cli
{
    /// <summary>Runs a command's work with a connection; failures print one line to stderr and give a non-zero exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Connection, Task> work)
    {
        Connection? connection = null;
        try
        {
            connection = new Connection(parse);
            await work(connection);
            return 0;
        }
        catch (RpcException e)
        {
            await Console.Error.WriteLineAsync(await ErrorLine.DescribeAsync(e, connection!.Address));
            return e.StatusCode switch
            {
                StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 2,
                StatusCode.NotFound => 3,
                StatusCode.PermissionDenied or StatusCode.Unauthenticated => 4,
                StatusCode.Unavailable or StatusCode.DeadlineExceeded => 5,
                _ => 1,
            };
        }
        catch (InputFileException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
