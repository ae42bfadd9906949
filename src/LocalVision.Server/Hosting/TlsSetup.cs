using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LocalVision.Server.Hosting;

/// <summary>TLS settings (section <c>LocalVision:Tls</c>); no certificate means cleartext HTTP/2 (h2c).</summary>
public sealed class TlsOptions
{
    public const string Section = "LocalVision:Tls";

    /// <summary>A PFX/PKCS#12 file, or a PEM certificate (with its key in <see cref="KeyPath"/> or in the same file).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key, when it is not in the certificate file.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The PFX password, or the password of an encrypted PEM key.</summary>
    public string Password { get; set; } = "";
}

public static class TlsSetup
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration.GetSection(TlsOptions.Section).Get<TlsOptions>()?.CertificatePath);

    /// <summary>The configured server certificate with its private key, or null when TLS is not configured.</summary>
    /// <exception cref="StartupConfigurationException">A certificate is configured but cannot be used.</exception>
    public static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        var tls = configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        if (tls.CertificatePath.Length == 0)
        {
            return null;
        }
        var keyPath = tls.KeyPath.Length > 0 ? tls.KeyPath : tls.CertificatePath;
        foreach (var path in new[] { tls.CertificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new StartupConfigurationException($"the TLS file {path} (LocalVision:Tls) does not exist");
            }
        }
        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(tls.CertificatePath).ToLowerInvariant();
            certificate = extension is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath, tls.Password.Length > 0 ? tls.Password : null)
                : tls.Password.Length > 0
                    ? X509Certificate2.CreateFromEncryptedPemFile(tls.CertificatePath, tls.Password, keyPath)
                    : X509Certificate2.CreateFromPemFile(tls.CertificatePath, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new StartupConfigurationException($"the TLS certificate {tls.CertificatePath} cannot be read: {e.Message}");
        }
        if (!certificate.HasPrivateKey)
        {
            throw new StartupConfigurationException($"the TLS certificate {tls.CertificatePath} has no private key; give it in LocalVision:Tls:KeyPath or use a PFX");
        }
        return certificate;
    }
}
