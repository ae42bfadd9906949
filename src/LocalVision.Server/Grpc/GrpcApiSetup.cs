using LocalVision.Rules.Evaluation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LocalVision.Graph.Store;
using LocalVision.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Grpc;

public static class GrpcApiSetup
{
    /// <summary>A day: longer is no budget at all.</summary>
    private const double MaxExpensiveCallSeconds = 86_400;

    public static WebApplicationBuilder AddGrpcApi(this WebApplicationBuilder builder)
    {
        var limits = builder.GetLocalVisionOptions().Limits;
        if (!(limits.ExpensiveCallSeconds is >= 0 and <= MaxExpensiveCallSeconds))
        {
            throw new StartupConfigurationException(
                $"{ExpensiveCallBudget.Setting} is {limits.ExpensiveCallSeconds}; give the seconds an expensive call may take, from 0 to {MaxExpensiveCallSeconds}");
        }
        builder.Services.AddGrpc(grpc =>
        {
            InterceptorChain.AddTo(grpc);
            grpc.MaxReceiveMessageSize = limits.MaxMessageBytes;
            grpc.MaxSendMessageSize = limits.MaxMessageBytes;
        });
        builder.Services.AddStrictRequestParsing();
        // grpc-dotnet logs every unreadable request at Information with its stack; a caller sending them would fill
        // the log. The caller is answered INVALID_ARGUMENT, and the server's own failures still log as errors.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Network projections are built once per store version and shared by every network call.
        builder.Services.AddSingleton(services => new LocalVision.Graph.Network.ProjectionCache(
            services.GetRequiredService<IGraphStore>(), services.GetRequiredService<IOptions<LocalVisionOptions>>().Value.Limits.ProjectionCacheBytes));
        // The pages of one DetectCommunities answer are read from one detection, held per spec while the network is unchanged.
        builder.Services.AddSingleton<LocalVision.Graph.Network.CommunityCache>(_ => new());
        // The rule set is compiled once per process; thresholds come from LocalVision:Evaluation.
        builder.Services.AddSingleton(services => new EvaluationEngine(
            services.GetRequiredService<IGraphStore>(),
            builder.Configuration.GetSection("LocalVision:Evaluation").Get<EvaluationOptions>() ?? new EvaluationOptions()));
        builder.Services.AddSingleton<LocalVision.Rules.Insight.Derived.DerivedConditions>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.InsightCases>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.InsightAnalysis>();
        builder.Services.AddSingleton<LocalVision.Rules.Cohorts.CohortPlanner>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.SetCalibration>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.RobustnessAnalysis>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.Studies.TheoryFitAnalysis>();
        builder.Services.AddSingleton<LocalVision.Rules.Insight.Studies.CaseStudyAnalysis>();
        builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    public static WebApplication MapGrpcApi(this WebApplication app)
    {
        app.MapGrpcService<GraphApi>();
        app.MapGrpcService<Evaluation.EvaluationApi>();
        app.MapGrpcService<Theory.TheoryApi>();
        app.MapGrpcService<Network.NetworkApi>();
        app.MapGrpcService<Insight.InsightApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
