using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using LocalVision.Graph.Import;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Grpc.Errors;

/// <summary>
/// Turns the domain's exceptions into canonical gRPC statuses (through <see cref="RpcErrors"/>), so no handler
/// answers UNKNOWN: bad input is INVALID_ARGUMENT with field violations, a missing node NOT_FOUND, and so on. Any
/// other exception — an <see cref="ArgumentException"/> included — is a bug of the service, not the caller's
/// mistake: INTERNAL, logged with its stack.
/// </summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger, IOptions<LocalVisionOptions> options) : Interceptor
{
    private ErrorBounds Bounds => new(options.Value.Limits.MaxErrorViolations);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(new ClientStream<TRequest>(requestStream), context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(new ClientStream<TRequest>(requestStream), responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    /// <summary>The status of a domain exception; every domain exception is mapped here and nowhere else.</summary>
    public RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case GraphValidationException e:
                return RpcErrors.InvalidArgument(e.Message, e.Violations, Bounds);
            case JsonLinesFormatException e:
                return RpcErrors.InvalidArgument(e.Message, [new FieldViolation($"line {e.Line}", e.Message)], Bounds);
            case NodeNotFoundException e:
                return RpcErrors.NotFound(e.Message, e.Name, "no node has this name");
            case MissingNodesException e:
                return RpcErrors.FailedPrecondition(e.Message, MissingNodes(e), Bounds);
            case NodeConflictException e:
                return RpcErrors.FailedPrecondition(e.Message, Conflicts(e), Bounds);
            case Rules.Cohorts.NoCohortCandidatesException e:
                return RpcErrors.FailedPrecondition(e.Message, [new PreconditionViolation("NO_COHORT_CANDIDATES", "candidates", e.Message)], Bounds);
            case Rules.Qca.MinimizationRefusedException e:
                return RpcErrors.FailedPrecondition(e.Message, [new PreconditionViolation(e.Reason, "solution_type", e.Message)], Bounds);
            case NodeHasRelationshipsException e:
                return RpcErrors.FailedPrecondition(e.Message, [new PreconditionViolation("HAS_RELATIONSHIPS", e.Name, "set cascade to delete its relationships too")], Bounds);
            case Rules.Evaluation.Theory.Report.InitiativeNotFoundException e:
                return RpcErrors.NotFound(e.Message, e.Given,
                    e.Closest is null ? "no initiative has this name, id or display name" : $"did you mean `{e.Closest}`?", "Initiative");
            case Rules.Insight.Studies.RuleNotFoundException e:
                return RpcErrors.NotFound(e.Message, "rules/" + e.Rule,
                    e.Closest is null ? "no rule of the current programme theory has this id" : $"did you mean `{e.Closest}`?", "Rule");
            case Rules.Insight.Studies.RuleNotExpressibleException e:
                return RpcErrors.FailedPrecondition(e.Message, [new PreconditionViolation(Rules.Insight.Studies.RuleNotExpressibleException.Reason, "rule", e.Message)], Bounds);
            case Rules.Evaluation.Language.TheoryVersionNotFoundException e:
                return RpcErrors.NotFound(e.Message, "theory/versions/" + e.Version, "no version of the programme theory has this number");
            case Graph.Theory.TheoryConflictException e:
                return RpcErrors.WithReason(StatusCode.Aborted, "THEORY_CHANGED", e.Message + "; read the current theory and make the change again");
            case RequestIdConflictException e:
                return RpcErrors.FailedPrecondition(e.Message, [new PreconditionViolation("REQUEST_ID_REUSED", "request_id", e.Message)], Bounds);
            case ImportBatchRejectedException e:
                return ImportRejected(e);
            case Rules.Cohorts.CohortInfeasibleException e:
                // One violation per binding constraint, its subject the request field, so a client can point at the input.
                return RpcErrors.FailedPrecondition(e.Message, e.Binding.Select(b => new PreconditionViolation(
                    e.Together ? "COHORT_CONSTRAINTS_BIND_TOGETHER" : "COHORT_CONSTRAINT_RULES_OUT_EVERY_COHORT",
                    b.Subject,
                    $"{char.ToUpperInvariant(b.Binds[0])}{b.Binds[1..]}: {b.Relax}.")).ToList(), Bounds);
            case Rules.Cohorts.CohortSearchExhaustedException e:
                return RpcErrors.WithReason(StatusCode.ResourceExhausted, "COHORT_SEARCH_EXHAUSTED", e.Message);
            case GraphStoreUnavailableException e:
                logger.LogError(e, "The store failed");
                var code = e.Fault switch
                {
                    StoreFault.DiskFull => StatusCode.ResourceExhausted,
                    StoreFault.Corrupt or StoreFault.ReadOnly => StatusCode.FailedPrecondition,
                    _ => StatusCode.Unavailable,
                };
                return RpcErrors.WithReason(code, "STORE_" + e.Fault.ToString().ToUpperInvariant(), e.Message);
            case Access.AccessStoreException e:
                logger.LogError(e, "The key and audit store failed");
                return RpcErrors.WithReason(StatusCode.Unavailable, "ACCESS_STORE_UNAVAILABLE", "the key and audit store cannot be used right now; try again later");
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return RpcErrors.Plain(context.Deadline < DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled, "The call was cancelled or ran out of time.");
            default:
                logger.LogError(exception, "Unhandled error in {Method}", context.Method);
                return RpcErrors.WithReason(StatusCode.Internal, "INTERNAL", "An internal error occurred; it has been logged.");
        }
    }

    private static List<PreconditionViolation> Conflicts(NodeConflictException e) =>
        e.Conflicts.Select(v => new PreconditionViolation("NODE_EXISTS", v.Field, v.Description)).ToList();

    private static List<PreconditionViolation> MissingNodes(MissingNodesException e) =>
        e.Missing.Select(v => new PreconditionViolation("MISSING_NODE", v.Field, v.Description)).ToList();

    /// <summary>Which message failed and what was committed before it: in the message and the ErrorInfo, which the bounds never drop.</summary>
    private RpcException ImportRejected(ImportBatchRejectedException e)
    {
        var info = RpcErrors.Info(ImportBatchRejectedException.Reason, new Dictionary<string, string>
        {
            ["committed_batches"] = e.Batches.ToString(CultureInfo.InvariantCulture),
            ["nodes_written"] = e.NodesWritten.ToString(CultureInfo.InvariantCulture),
            ["relationships_written"] = e.RelationshipsWritten.ToString(CultureInfo.InvariantCulture),
            ["dry_run"] = e.DryRun ? "true" : "false",
        });
        return e.Rejection switch
        {
            MissingNodesException missing => RpcErrors.FailedPrecondition(e.Message, MissingNodes(missing), Bounds, info),
            NodeConflictException conflict => RpcErrors.FailedPrecondition(e.Message, Conflicts(conflict), Bounds, info),
            GraphValidationException invalid => RpcErrors.InvalidArgument(e.Message, invalid.Violations, Bounds, info),
            _ => RpcErrors.InvalidArgument(e.Message, [], Bounds, info),
        };
    }

    /// <summary>
    /// A request stream whose transport failures (the client reset the stream, cancelled or went away) end the call
    /// as CANCELLED: nothing failed on the server, and whatever the handler committed before stays committed.
    /// </summary>
    private sealed class ClientStream<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken);
            }
            catch (IOException e)
            {
                throw RpcErrors.Plain(StatusCode.Cancelled, "The client ended the request stream early: " + e.Message);
            }
        }
    }
}
