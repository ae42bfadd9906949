using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using Code = Google.Rpc.Code;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Access;

/// <summary>Refuses filters that would reveal redacted evidence through which nodes match (<c>respondentRole = "..."</c>).</summary>
public static class ConfidentialFilter
{
    /// <exception cref="Grpc.Core.RpcException">PERMISSION_DENIED naming the property.</exception>
    public static void Check(EvidenceRedactor redactor, string? label, NodeFilter filter)
    {
        foreach (var clause in filter.Clauses)
        {
            if (!redactor.MayFilter(label, clause.Property))
            {
                throw new Status
                {
                    Code = (int)Code.PermissionDenied,
                    Message = $"filtering evidence on `{clause.Property}` needs the evidence-reader role, because confidential evidence hides it; "
                        + $"filter on {string.Join(", ", EvidenceRedactor.VisibleProperties)} or display_name, or name another label",
                    Details =
                    {
                        Any.Pack(new ErrorInfo { Reason = "CONFIDENTIAL_PROPERTY", Domain = "localvision.v1", Metadata = { ["property"] = clause.Property, ["required_role"] = "evidence-reader" } }),
                    },
                }.ToRpcException();
            }
        }
    }
}
