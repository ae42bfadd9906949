using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LocalVision.Server.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LocalVision.Server.Access;

/// <summary>Settings for JWT bearer tokens from an identity provider (section <c>LocalVision:Jwt</c>); no issuer means off.</summary>
public sealed class JwtOptions
{
    public const string Section = "LocalVision:Jwt";

    /// <summary>The issuer tokens must name (<c>iss</c>).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The audience tokens must name (<c>aud</c>).</summary>
    public string Audience { get; set; } = "";

    /// <summary>A PEM file with the issuer's public key (RSA or EC) or certificate, to check signatures with.</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>The claim that lists the caller's roles (reader, evaluator, evidence-reader, admin), as an array or space-separated.</summary>
    public string RolesClaim { get; set; } = "roles";
}

/// <summary>
/// Checks JWT bearer tokens from the configured issuer: signature by its key, issuer, audience and lifetime; the
/// caller's roles come from the roles claim, with unknown role names ignored.
/// </summary>
public sealed class BearerTokens
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly string _rolesClaim;

    private BearerTokens(TokenValidationParameters parameters, string rolesClaim)
    {
        _parameters = parameters;
        _rolesClaim = rolesClaim;
    }

    /// <summary>The checker for the configured issuer, or null when no issuer is configured.</summary>
    /// <exception cref="StartupConfigurationException">An issuer is configured without a usable audience or signing key.</exception>
    public static BearerTokens? FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (options.Issuer.Length == 0)
        {
            return null;
        }
        if (options.Audience.Length == 0 || options.SigningKeyPath.Length == 0)
        {
            throw new StartupConfigurationException("LocalVision:Jwt:Issuer is set, so LocalVision:Jwt:Audience and LocalVision:Jwt:SigningKeyPath (the issuer's public key, PEM) must be too");
        }
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = LoadKey(options.SigningKeyPath),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        return new BearerTokens(parameters, options.RolesClaim);
    }

    /// <summary>Whether a bearer credential is a JWT (three base64url parts) rather than an API key.</summary>
    public static bool LooksLikeJwt(string credential) =>
        credential.StartsWith("eyJ", StringComparison.Ordinal) && credential.Count(c => c == '.') == 2;

    /// <summary>The caller a valid token vouches for, or null when it is not valid.</summary>
    public async Task<Caller?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return null;
        }
        var identity = result.ClaimsIdentity;
        var subject = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }
        var roles = identity.FindAll(_rolesClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Aggregate(Roles.None, (all, name) => RoleSet.TryParse(name, out var role) ? all | role : all);
        var name = identity.FindFirst("name")?.Value ?? subject;
        return new Caller("subjects/" + subject, name, roles);
    }

    private static SecurityKey LoadKey(string path)
    {
        try
        {
            var pem = File.ReadAllText(path);
            if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            {
                return new X509SecurityKey(X509Certificate2.CreateFromPem(pem));
            }
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                // Not an RSA key: the other kind issuers sign with is EC.
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(pem);
                return new ECDsaSecurityKey(ecdsa);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            throw new StartupConfigurationException($"the JWT signing key {path} (LocalVision:Jwt:SigningKeyPath) cannot be read as a PEM public key or certificate: {e.Message}");
        }
    }
}
