using Grpc.Core;
using LocalVision.Server.Grpc.Errors;

namespace LocalVision.Server.Access;

/// <summary>
/// Finds the caller from the <c>x-api-key</c> header, or <c>authorization: Bearer ...</c> carrying an API key or, when
/// an issuer is configured, a JWT. Without credentials a caller is admitted only in protected mode's open case:
/// bound to loopback while no key exists and no token issuer is configured.
/// </summary>
/// <param name="requireKeys">True when bound to a non-loopback address: credentials are always needed.</param>
/// <param name="tokens">The JWT checker, or null when no issuer is configured.</param>
public sealed class KeyAuthenticator(IAccessStore keys, bool requireKeys, BearerTokens? tokens = null)
{
    public const string ApiKeyHeader = "x-api-key";

    public bool RequiresKeys => requireKeys;

    /// <summary>Whether calls without a key are served right now.</summary>
    public async ValueTask<bool> IsOpenAsync(CancellationToken cancellationToken) =>
        !requireKeys && tokens is null && !await keys.HasActiveKeysAsync(cancellationToken);

    /// <exception cref="RpcException">UNAUTHENTICATED: no key where one is needed, or a key that is unknown, wrong or revoked.</exception>
    public async ValueTask<Caller> AuthenticateAsync(Metadata headers, CancellationToken cancellationToken)
    {
        var presented = PresentedKey(headers);
        if (presented is null)
        {
            if (await IsOpenAsync(cancellationToken))
            {
                return Caller.WithoutAuthentication;
            }
            throw Unauthenticated("API_KEY_MISSING",
                $"this service needs an API key: send it in the `{ApiKeyHeader}` header (lv --api-key KEY) or as `authorization: Bearer KEY`");
        }
        if (BearerTokens.LooksLikeJwt(presented))
        {
            if (tokens is null)
            {
                throw Unauthenticated("JWT_NOT_ACCEPTED", "this service is not configured to accept JWT bearer tokens; use an API key");
            }
            return await tokens.ValidateAsync(presented)
                ?? throw Unauthenticated("JWT_INVALID", "the bearer token is not valid: wrong issuer, audience or signature, expired, or without a subject");
        }
        var key = await keys.AuthenticateAsync(presented, cancellationToken)
            ?? throw Unauthenticated("API_KEY_INVALID", "the API key is not valid: it is malformed, unknown or revoked");
        return new Caller(key.ResourceName, key.DisplayName, key.Roles);
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
        RpcErrors.WithReason(StatusCode.Unauthenticated, reason, message);
}
