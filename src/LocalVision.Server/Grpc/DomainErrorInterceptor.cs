using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using LocalVision.Graph.Import;
using LocalVision.Graph.Store;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Grpc;

/// <summary>
/// Turns the domain's exceptions into canonical gRPC statuses with google.rpc details, so no handler
/// answers UNKNOWN: bad input is INVALID_ARGUMENT with field violations, a missing node NOT_FOUND, and so on.
/// </summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    private const string Domain = "localvision.v1";

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

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case GraphValidationException e:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                return Rich(Code.InvalidArgument, e.Message, badRequest);
            case JsonLinesFormatException e:
                return Rich(Code.InvalidArgument, e.Message, new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = $"line {e.Line}", Description = e.Message } } });
            case NodeNotFoundException e:
                return Rich(Code.NotFound, e.Message, new ResourceInfo { ResourceName = e.Name, Description = "no node has this name" });
            case MissingNodesException e:
                var missing = new PreconditionFailure();
                missing.Violations.AddRange(e.Missing.Select(v => new PreconditionFailure.Types.Violation { Type = "MISSING_NODE", Subject = v.Field, Description = v.Description }));
                return Rich(Code.FailedPrecondition, e.Message, missing);
            case Insight.FailedPreconditionException e:
                return Rich(Code.FailedPrecondition, e.Message, new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = "STATE", Subject = context.Method, Description = e.Message } },
                });
            case NodeHasRelationshipsException e:
                return Rich(Code.FailedPrecondition, e.Message, new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = "HAS_RELATIONSHIPS", Subject = e.Name, Description = "set cascade to delete its relationships too" } },
                });
            case Rules.Cohorts.CohortInfeasibleException e:
                // One violation per binding constraint, its subject the request field, so a client can point at the input.
                var binding = new PreconditionFailure();
                binding.Violations.AddRange(e.Binding.Select(b => new PreconditionFailure.Types.Violation
                {
                    Type = e.Together ? "COHORT_CONSTRAINTS_BIND_TOGETHER" : "COHORT_CONSTRAINT_RULES_OUT_EVERY_COHORT",
                    Subject = b.Subject,
                    Description = $"{char.ToUpperInvariant(b.Binds[0])}{b.Binds[1..]}: {b.Relax}.",
                }));
                return Rich(Code.FailedPrecondition, e.Message, binding);
            case Rules.Cohorts.CohortSearchExhaustedException e:
                return Rich(Code.ResourceExhausted, e.Message, new ErrorInfo { Reason = "COHORT_SEARCH_EXHAUSTED", Domain = Domain });
            case GraphStoreUnavailableException e:
                logger.LogError(e, "The store failed");
                var code = e.Fault switch
                {
                    StoreFault.DiskFull => Code.ResourceExhausted,
                    StoreFault.Corrupt or StoreFault.ReadOnly => Code.FailedPrecondition,
                    _ => Code.Unavailable,
                };
                return Rich(code, e.Message, new ErrorInfo { Reason = "STORE_" + e.Fault.ToString().ToUpperInvariant(), Domain = Domain });
            case Access.AccessStoreException e:
                logger.LogError(e, "The key and audit store failed");
                return Rich(Code.Unavailable, "the key and audit store cannot be used right now; try again later", new ErrorInfo { Reason = "ACCESS_STORE_UNAVAILABLE", Domain = Domain });
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new global::Grpc.Core.Status(
                    context.Deadline < DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled, "The call was cancelled or ran out of time."));
            default:
                logger.LogError(exception, "Unhandled error in {Method}", context.Method);
                return Rich(Code.Internal, "An internal error occurred; it has been logged.", new ErrorInfo { Reason = "INTERNAL", Domain = Domain });
        }
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
                throw new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "The client ended the request stream early: " + e.Message));
            }
        }
    }

    private static RpcException Rich(Code code, string message, Google.Protobuf.IMessage detail) =>
        new Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
}
