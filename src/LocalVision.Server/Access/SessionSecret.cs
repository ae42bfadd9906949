using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LocalVision.Server.Access;

/// <summary>
/// The form of a session's secret, <c>lvs_{256 random bits}</c>, and what is derived from it: the stored id (its
/// SHA-256, so a copy of the store opens no session) and the CSRF token the dashboard sends with writes. The token is
/// an HMAC of the secret, so any replica can check it without storing it, and a page on another site, which can make
/// the browser send the cookie but cannot read it or the sign-in's answer, cannot compute it.
/// </summary>
public static class SessionSecret
{
    private const string Prefix = "lvs_";

    /// <summary>base64url of 32 bytes.</summary>
    private const int EncodedLength = 43;

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a presented value has the form of a secret at all (so nothing else is looked up).</summary>
    public static bool IsWellFormed(string presented) =>
        presented.Length == Prefix.Length + EncodedLength
        && presented.StartsWith(Prefix, StringComparison.Ordinal)
        && presented.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>The id a session is stored under.</summary>
    public static string IdOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string CsrfToken(string secret) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "localvision csrf"u8));

    /// <summary>Compares in constant time, so response times say nothing about how much of a guess was right.</summary>
    public static bool IsCsrfToken(string secret, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(CsrfToken(secret)), Encoding.UTF8.GetBytes(presented));

}
