using System.Security.Cryptography;
using Google.Protobuf;

namespace LocalVision.Server.Grpc;

/// <summary>A hash of a request's wire form: what the audit log keeps of a request, and what a request id is bound to.</summary>
public static class RequestFingerprint
{
    public static string Of(IMessage request) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()));
}
