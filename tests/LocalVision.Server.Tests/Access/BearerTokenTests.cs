using System.Security.Claims;
using System.Security.Cryptography;
using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Access;

/// <summary>JWT bearer tokens from a configured issuer: signature, issuer, audience and lifetime checked; roles from the roles claim.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://identity.localvision.test";
    private const string Audience = "localvision";

    private readonly ECDsa _issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var keyPath = Path.Combine(_folder, "issuer.pem");
        await File.WriteAllTextAsync(keyPath, _issuerKey.ExportSubjectPublicKeyInfoPem(), Ct);
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles>(),
            $"--LocalVision:Jwt:Issuer={Issuer}", $"--LocalVision:Jwt:Audience={Audience}", $"--LocalVision:Jwt:SigningKeyPath={keyPath}");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _issuerKey.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Token(object roles, string issuer = Issuer, string audience = Audience, DateTime? expires = null, ECDsa? key = null, string subject = "ana")
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Ana (steering group)", ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key ?? _issuerKey), SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private GraphService.GraphServiceClient GraphWith(string token) => new(_server.WithHeaders(("authorization", "Bearer " + token)));

    private static GetNodeRequest ConfidentialEvidence => new() { Name = "evidence/bdp-interview-honest-conversations" };

    [Fact]
    public async Task GetNode_ReaderToken_IsServedWithEvidenceRedacted()
    {
        var node = await GraphWith(Token(new[] { "reader" })).GetNodeAsync(ConfidentialEvidence, cancellationToken: Ct);

        Assert.Equal(EvidenceRedactor.Placeholder, node.Properties.Fields["respondentRole"].StringValue);
    }

    [Fact]
    public async Task GetNode_SpaceSeparatedRolesWithEvidenceReader_SeesItAll()
    {
        var node = await GraphWith(Token("reader evidence-reader")).GetNodeAsync(ConfidentialEvidence, cancellationToken: Ct);

        Assert.Equal("LV Project Partner", node.Properties.Fields["respondentRole"].StringValue);
    }

    [Fact]
    public async Task GetNode_NoCredentials_IsUnauthenticatedBecauseAnIssuerIsConfigured()
    {
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => _server.Graph.GetNodeAsync(ConfidentialEvidence, cancellationToken: Ct));
    }

    public static TheoryData<string> BadTokens() => ["expired", "other issuer", "other audience", "other signer"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task GetNode_InvalidToken_IsUnauthenticated(string flaw)
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = flaw switch
        {
            "expired" => Token(new[] { "admin" }, expires: DateTime.UtcNow.AddMinutes(-30)),
            "other issuer" => Token(new[] { "admin" }, issuer: "https://evil.test"),
            "other audience" => Token(new[] { "admin" }, audience: "someone-else"),
            _ => Token(new[] { "admin" }, key: stranger),
        };

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => GraphWith(token).GetNodeAsync(ConfidentialEvidence, cancellationToken: Ct));
    }

    [Fact]
    public async Task Build_BoundBeyondLoopbackWithOnlyAnIssuer_Starts()
    {
        var keyPath = Path.Combine(_folder, "issuer.pem");

        await using var app = Program.Build(["--store", Path.Combine(_folder, "other.db"), "--grpc-port", "0", "--bind", "0.0.0.0",
            $"--LocalVision:Jwt:Issuer={Issuer}", $"--LocalVision:Jwt:Audience={Audience}", $"--LocalVision:Jwt:SigningKeyPath={keyPath}"]);

        Assert.False(await app.Services.GetRequiredService<KeyAuthenticator>().IsOpenAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UpsertNodes_ReaderToken_IsPermissionDenied()
    {
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => GraphWith(Token(new[] { "reader", "not-a-role" }))
            .UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("by-token") } }, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_EvaluatorToken_IsAuditedUnderItsSubject()
    {
        await GraphWith(Token(new[] { "evaluator" }, subject: "ben")).UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("by-ben") } }, cancellationToken: Ct);

        var audit = await new AccessService.AccessServiceClient(_server.WithHeaders(("authorization", "Bearer " + Token(new[] { "admin" }))))
            .ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct);

        Assert.Equal("subjects/ben", audit.Entries[0].Key);
        Assert.Equal(["partners/by-ben"], audit.Entries[0].Resources);
    }
}
