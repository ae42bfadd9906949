using Grpc.AspNetCore.Server;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc.Errors;

namespace LocalVision.Server.Grpc;

/// <summary>The interceptors every call passes through, outermost first: the one place their order is set.</summary>
public static class InterceptorChain
{
    public static void AddTo(GrpcServiceOptions grpc)
    {
        // The door: refuses before any handler runs, and audits the status the caller finally gets.
        grpc.Interceptors.Add<AccessInterceptor>();
        // Turns domain exceptions into statuses, so the audit above records INVALID_ARGUMENT rather than UNKNOWN.
        grpc.Interceptors.Add<DomainErrorInterceptor>();
        // Inside the error translation, so the budget's own status passes through it unchanged.
        grpc.Interceptors.Add<ExpensiveCallBudget>();
    }
}
