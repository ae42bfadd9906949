using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Store;
using LocalVision.Server.Grpc;
using LocalVision.Server.Grpc.Errors;
using LocalVision.V1;

namespace LocalVision.Server.Access;

/// <summary>The AccessService: API keys and the audit log (admin only, see <see cref="MethodAccess"/>).</summary>
public sealed class AccessApi(IAccessStore store, KeyAuthenticator authenticator, Microsoft.Extensions.Options.IOptions<AccessOptions> options, TimeProvider clock)
    : AccessService.AccessServiceBase
{
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        KeyDisplayName.Check(request.DisplayName, checks);
        var roles = Roles.None;
        if (request.Roles.Count == 0)
        {
            checks.Add("roles", "must name at least one role");
        }
        for (var i = 0; i < request.Roles.Count; i++)
        {
            if (ToDomain(request.Roles[i]) is { } role)
            {
                roles |= role;
            }
            else
            {
                checks.Add($"roles[{i}]", "is not a role; one of ROLE_READER, ROLE_EVALUATOR, ROLE_EVIDENCE_READER, ROLE_ADMIN");
            }
        }
        checks.ThrowIfAny();
        var creator = context.GetCaller() is { Principal.Length: > 0 } caller ? $"{caller.Name} ({caller.Principal})" : "(no authentication)";
        var (key, secret) = await store.CreateKeyAsync(request.DisplayName, roles, creator, context.CancellationToken);
        return new CreateApiKeyResponse { Key = ToProto(key), Secret = secret };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var pageSize = checks.PageSize("page_size", request.PageSize, 100, 1000);
        checks.ThrowIfAny();
        var page = await store.ListKeysAsync(pageSize, request.PageToken, context.CancellationToken);
        var response = new ListApiKeysResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Keys.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var id = request.Name.StartsWith(ApiKeyRecord.Collection, StringComparison.Ordinal) ? request.Name[ApiKeyRecord.Collection.Length..] : "";
        if (id.Length == 0 || id.Length > 64)
        {
            throw GraphValidationException.Single("name", "must be `apiKeys/{id}`");
        }
        var key = await store.FindKeyAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"there is no key `{request.Name}`", request.Name, resourceType: "apiKey");
        if (authenticator.RequiresKeys && key.IsActive && key.Roles.HasFlag(Roles.Admin) && !(await store.ListActiveAdminIdsAsync(context.CancellationToken)).Any(other => other != id))
        {
            // Bound beyond loopback, revoking the last admin key would lock everyone out of key management.
            var message = $"`{request.Name}` is the last active admin key; create another admin key before revoking it";
            throw RpcErrors.FailedPrecondition(message, [new PreconditionViolation("LAST_ADMIN_KEY", request.Name, message)]);
        }
        return ToProto((await store.RevokeKeyAsync(id, context.CancellationToken))!);
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var pageSize = checks.PageSize("page_size", request.PageSize, 100, 1000);
        checks.ThrowIfAny();
        var page = await store.ListAuditAsync(pageSize, request.PageToken, context.CancellationToken);
        var response = new ListAuditEntriesResponse { NextPageToken = page.NextPageToken ?? "" };
        var entries = page.Items.Select(e => new AuditEntry
        {
            Sequence = e.Sequence,
            Time = Timestamp.FromDateTimeOffset(e.Time),
            Key = e.Principal,
            Caller = e.Caller,
            Method = e.Method,
            Resources = { e.Resources },
            Counts = { e.Summary.Counts.ToDictionary() },
            RequestSha256 = e.Summary.RequestHash,
            Outcome = e.Outcome,
        });
        if (BytePage.Fill(response, response.Entries, ListAuditEntriesResponse.EntriesFieldNumber, entries, Math.Max(1, options.Value.AuditPageBytes)))
        {
            response.NextPageToken = AccessPages.TokenBefore(response.Entries[^1].Sequence, AccessPages.Audit);
        }
        return response;
    }

    public override async Task<GetAuditUsageResponse> GetAuditUsage(GetAuditUsageRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var days = checks.Bounded("days", request.Days, 7, 366);
        checks.ThrowIfAny();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var usage = await store.AuditUsageAsync(today.AddDays(1 - days), context.CancellationToken);
        var response = new GetAuditUsageResponse();
        response.Days.AddRange(usage.Select(d => new AuditDayUsage
        {
            Day = d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Entries = d.Entries,
            Bytes = d.Bytes,
            Refused = d.Refused,
        }));
        return response;
    }

    private static ApiKey ToProto(ApiKeyRecord key)
    {
        var proto = new ApiKey
        {
            Name = key.ResourceName,
            DisplayName = key.DisplayName,
            CreateTime = Timestamp.FromDateTimeOffset(key.CreateTime),
            Creator = key.Creator,
            RevokeTime = key.RevokeTime is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
        };
        foreach (var (role, value) in RoleValues)
        {
            if (key.Roles.HasFlag(role))
            {
                proto.Roles.Add(value);
            }
        }
        return proto;
    }

    private static readonly (Roles Role, Role Value)[] RoleValues =
    [
        (Roles.Reader, Role.Reader),
        (Roles.Evaluator, Role.Evaluator),
        (Roles.EvidenceReader, Role.EvidenceReader),
        (Roles.Admin, Role.Admin),
    ];

    private static Roles? ToDomain(Role role) => RoleValues.Where(r => r.Value == role).Select(r => (Roles?)r.Role).FirstOrDefault();
}

/// <summary>The rule for a key's display name, shared by the RPC and the command line.</summary>
public static class KeyDisplayName
{
    public static void Check(string displayName, RequestChecks checks)
    {
        if (displayName.Length is 0 or > 64 || displayName.Any(char.IsControl))
        {
            checks.Add("display_name", "must be 1 to 64 characters without control characters");
        }
    }
}
