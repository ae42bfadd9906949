using Grpc.Core;

namespace LocalVision.Cli.Output;

/// <summary>
/// Whether a call failed because the address is the server's web port. The HTTP/2 transport reports a port that speaks
/// only HTTP/1.1 in more than one way, depending on which of its frames the client read before the port closed the
/// connection (an HTTP_1_1_REQUIRED error code, or only "Error starting gRPC call"), so when the code is not there an
/// HTTP/1.1 request to the same address settles it.
/// </summary>
public static class WebPortProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task<bool> IsWebPortAsync(RpcException error, Uri address)
    {
        if (error.Status.Detail.Contains("HTTP_1_1_REQUIRED", StringComparison.Ordinal)
            || error.Status.DebugException?.ToString().Contains("HTTP_1_1_REQUIRED", StringComparison.Ordinal) == true)
        {
            return true;
        }
        // A server that answered the call, even with an error, is a gRPC port; only a transport failure is in doubt.
        if (error.StatusCode is not (StatusCode.Internal or StatusCode.Unavailable) || error.Status.DebugException is not (HttpRequestException or IOException))
        {
            return false;
        }
        return await AnswersHttp11Async(address);
    }

    private static async Task<bool> AnswersHttp11Async(Uri address)
    {
        try
        {
            using var http = new HttpClient { Timeout = Patience };
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/"))
            {
                Version = System.Net.HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return response.Version.Major == 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
