using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Access;

/// <summary>
/// Finds the caller from the <c>x-api-key</c> header (or <c>authorization: Bearer ...</c>). Without a key, a
/// caller is admitted only in protected mode's open case: bound to loopback while no key exists.
/// </summary>
/// <param name="requireKeys">True when bound to a non-loopback address: a key is always needed.</param>
public sealed class KeyAuthenticator(AccessStore keys, bool requireKeys)
{
    public const string ApiKeyHeader = "x-api-key";

    public bool RequiresKeys => requireKeys;

    /// <summary>Whether calls without a key are served right now.</summary>
    public bool IsOpen => !requireKeys && !keys.HasActiveKeys();

    /// <exception cref="RpcException">UNAUTHENTICATED: no key where one is needed, or a key that is unknown, wrong or revoked.</exception>
    public Caller Authenticate(Metadata headers)
    {
        var presented = PresentedKey(headers);
        if (presented is null)
        {
            if (IsOpen)
            {
                return Caller.WithoutAuthentication;
            }
            throw Unauthenticated("API_KEY_MISSING",
                $"this service needs an API key: send it in the `{ApiKeyHeader}` header (lv --api-key KEY) or as `authorization: Bearer KEY`");
        }
        var key = keys.Authenticate(presented)
            ?? throw Unauthenticated("API_KEY_INVALID", "the API key is not valid: it is malformed, unknown or revoked");
        return new Caller(key.Id, key.DisplayName, key.Roles);
    }

    private static string? PresentedKey(Metadata headers)
    {
        var apiKey = headers.GetValue(ApiKeyHeader);
        var authorization = headers.GetValue("authorization");
        string? bearer = null;
        if (authorization is not null)
        {
            bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization["Bearer ".Length..].Trim()
                : throw Unauthenticated("AUTHORIZATION_SCHEME", "the authorization header must be `Bearer KEY`");
        }
        if (apiKey is not null && bearer is not null && apiKey != bearer)
        {
            throw Unauthenticated("API_KEY_CONFLICT", $"the `{ApiKeyHeader}` and authorization headers carry different keys; send one");
        }
        return apiKey ?? bearer;
    }

    private static RpcException Unauthenticated(string reason, string message) =>
        new Status
        {
            Code = (int)Code.Unauthenticated,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = "localvision.v1" }) },
        }.ToRpcException();
}
