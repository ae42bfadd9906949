using System.Security.Cryptography;
using System.Text;

namespace LocalVision.Server.Access;

/// <summary>
/// The form of an API key, <c>lvk_{id}_{secret}</c>: a 12-hex-digit public id that finds the key's record, and
/// 256 random bits. Only a salted SHA-256 of the secret is stored. A slow hash (PBKDF2) protects guessable
/// passwords; a 256-bit random secret cannot be guessed, so one hash suffices and every call stays cheap.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "lvk_";
    private const int IdLength = 12;

    /// <summary>A new key: its id, the full secret to hand out once, and what to store.</summary>
    public static (string Id, string Secret, byte[] Salt, byte[] Hash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var salt = RandomNumberGenerator.GetBytes(16);
        return (id, secret, salt, Hash(salt, secret));
    }

    /// <summary>The id of a presented key, or null when it is not in the key format at all.</summary>
    public static string? IdOf(string presented)
    {
        if (presented.Length < Prefix.Length + IdLength + 2 || presented.Length > 200
            || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented[Prefix.Length + IdLength] != '_')
        {
            return null;
        }
        var id = presented.Substring(Prefix.Length, IdLength);
        return id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    /// <summary>Compares in constant time, so response times say nothing about how much of a guess was right.</summary>
    public static bool Matches(string presented, byte[] salt, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, presented), hash);

    private static byte[] Hash(byte[] salt, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + bytes.Length];
        salt.CopyTo(input, 0);
        bytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
