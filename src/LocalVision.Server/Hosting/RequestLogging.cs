using System.Diagnostics;

namespace LocalVision.Server.Hosting;

/// <summary>
/// Each request is logged at Debug (method, path, status, time), and once a minute one Information line sums them
/// up, so a busy service's log says how it is doing without a line per call. ASP.NET Core's own per-request lines
/// go to Debug too (they can be turned back on with Logging:LogLevel settings as usual).
/// </summary>
public static class RequestLogging
{
    public const string Category = "LocalVision.Server.Requests";

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddRequestLogging(this WebApplicationBuilder builder)
    {
        // Defaults, below whatever appsettings, the environment or the command line say about these categories.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Warning",
            },
        });
        builder.Services.AddSingleton<RequestTally>();
        builder.Services.AddHostedService<RequestSummaryService>();
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var tally = app.Services.GetRequiredService<RequestTally>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var succeeded = false;
            try
            {
                await next(context);
                // A gRPC error travels in the trailers of an HTTP 200.
                var grpcStatus = context.Response.Headers["grpc-status"].ToString() is { Length: > 0 } header ? header
                    : context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString() ?? "";
                succeeded = context.Response.StatusCode < 400 && grpcStatus is "" or "0";
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                tally.Record(succeeded, elapsed);
                logger.LogDebug("{Method} {Path} answered {Status} in {Elapsed:0.0} ms", context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        });
        return app;
    }

    /// <summary>Writes the minute's summary at Information, and nothing for a quiet minute.</summary>
    private sealed class RequestSummaryService(RequestTally tally, ILoggerFactory loggers, TimeProvider clock) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var logger = loggers.CreateLogger(Category);
            using var timer = new PeriodicTimer(Period, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    if (tally.TakeSummary() is { } summary)
                    {
                        logger.LogInformation("{Summary}", summary);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }
}
