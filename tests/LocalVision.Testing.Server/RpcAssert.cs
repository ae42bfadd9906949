using Google.Rpc;
using Grpc.Core;

namespace LocalVision.Testing.Hosting;

/// <summary>Asserts on gRPC errors and their google.rpc details.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> ThrowsAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    public static Task<RpcException> ThrowsAsync<T>(StatusCode code, Func<AsyncUnaryCall<T>> call) =>
        ThrowsAsync(code, async () => await call());

    /// <summary>The field violations of an INVALID_ARGUMENT error.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];

    public static void HasViolation(RpcException error, string field)
    {
        var violations = FieldViolations(error);
        Assert.True(violations.Any(v => v.Field == field),
            $"expected a violation of `{field}`; got: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
    }
}
