using Grpc.Core;
using LocalVision.Graph.Schema;

namespace LocalVision.Server.Access;

/// <summary>Who is calling, and what they may do.</summary>
/// <param name="Principal">What vouches for them, as the audit log names it: <c>apiKeys/{id}</c>, <c>subjects/{sub}</c> for a
/// bearer token, or empty when the service runs without authentication.</param>
/// <param name="Name">A name for people: the key's display name, or the token's name or subject.</param>
public sealed record Caller(string Principal, string Name, Roles Roles)
{
    /// <summary>Anyone on loopback while no key exists: treated as admin, as the one local user of the service.</summary>
    public static Caller WithoutAuthentication { get; } = new("", "(no authentication)", Roles.Admin);

    public bool Has(Roles required) => RoleSet.Satisfies(Roles, required);

    /// <summary>How confidential evidence is shown to this caller.</summary>
    public EvidenceRedactor Redactor => EvidenceRedactor.For(Has(Roles.EvidenceReader));
}

/// <summary>The caller the <see cref="AccessInterceptor"/> admitted, as handlers see it.</summary>
public static class CallerContext
{
    private const string Key = "localvision.caller";

    public static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[Key] = caller;

    public static Caller? GetCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) ? (Caller)caller : null;

    /// <summary>The redactor for this call; redacts when no caller was admitted, so a missing interceptor fails closed.</summary>
    public static EvidenceRedactor Redactor(this ServerCallContext context) =>
        context.GetCaller()?.Redactor ?? EvidenceRedactor.Redacting;
}
