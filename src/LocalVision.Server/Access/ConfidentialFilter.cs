using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Server.Grpc.Errors;

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
                throw RpcErrors.WithReason(StatusCode.PermissionDenied, "CONFIDENTIAL_PROPERTY",
                    $"filtering evidence on `{clause.Property}` needs the evidence-reader role, because confidential evidence hides it; "
                        + $"filter on {string.Join(", ", EvidenceRedactor.VisibleProperties)} or display_name, or name another label",
                    new Dictionary<string, string> { ["property"] = clause.Property, ["required_role"] = "evidence-reader" });
            }
        }
    }
}
