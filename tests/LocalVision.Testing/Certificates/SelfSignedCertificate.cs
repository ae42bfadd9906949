using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LocalVision.Testing.Certificates;

/// <summary>A throwaway server certificate for 127.0.0.1 and localhost, made at run time and trusted by thumbprint only.</summary>
public static class SelfSignedCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localvision-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>Writes the certificate as a PFX and as a PEM certificate and key; returns the three paths.</summary>
    public static (string Pfx, string CertificatePem, string KeyPem) Write(X509Certificate2 certificate, string folder)
    {
        Directory.CreateDirectory(folder);
        var pfx = Path.Combine(folder, "server.pfx");
        var pem = Path.Combine(folder, "server.crt");
        var keyPem = Path.Combine(folder, "server.key");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (pfx, pem, keyPem);
    }

    /// <summary>A handler that trusts exactly this certificate, as a client pinning it would.</summary>
    public static HttpClientHandler TrustingOnly(X509Certificate2 certificate) => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.Thumbprint == certificate.Thumbprint,
    };
}
