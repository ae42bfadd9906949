using System.Reflection;
using Google.Protobuf.Reflection;
using LocalVision.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace LocalVision.Server.Grpc;

/// <summary>
/// The RPCs whose cost grows with the whole graph or with a combinatorial search rather than with the size of the
/// request, so that size limits alone cannot bound them: they run under the server's time budget. Each is marked in
/// the protos with <c>option (localvision.v1.expensive) = true</c> (<c>proto/localvision/v1/options.proto</c>), and
/// the list is read from the service descriptors, so a new RPC is budgeted by saying so beside its declaration.
/// </summary>
public static class ExpensiveCalls
{
    /// <summary>Full method names (<c>/localvision.v1.GraphService/ExportGraph</c>) of every RPC marked expensive.</summary>
    public static IReadOnlySet<string> Methods { get; } = Services()
        .SelectMany(service => service.Methods)
        .Where(method => method.GetOptions()?.GetExtension(OptionsExtensions.Expensive) == true)
        .Select(method => $"/{method.Service.FullName}/{method.Name}")
        .ToHashSet(StringComparer.Ordinal);

    public static bool Includes(string method) => Methods.Contains(method);

    /// <summary>Every service of the contract: the generated service classes each expose their descriptor.</summary>
    private static IEnumerable<ServiceDescriptor> Services() =>
        typeof(OptionsExtensions).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(ServiceDescriptor))
            .Select(property => (ServiceDescriptor)property!.GetValue(null)!);
}
