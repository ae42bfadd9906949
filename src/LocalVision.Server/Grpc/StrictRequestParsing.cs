using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using LocalVision.Server.Grpc.Errors;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LocalVision.Server.Grpc;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's default binder does, except that a request message that cannot be
/// parsed — nested past protobuf's recursion limit, truncated, malformed — is refused as INVALID_ARGUMENT. By
/// default the parser's exception escapes before any interceptor runs and the caller sees UNKNOWN.
/// </summary>
public sealed class StrictParsingMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var method = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {type.Name})");
                method.Invoke(null, [new Binder(context), null]);
                return;
            }
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Bind<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Bind<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Bind<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Bind<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Strict(method), metadata, invoker);
        }

        /// <summary>An open-instance delegate to the service's method, and its attributes (and the service's) as endpoint metadata.</summary>
        private static (TDelegate Invoker, List<object> Metadata) Bind<TDelegate>(string name, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {name}");
            var invoker = (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);
            return (invoker, [.. typeof(TService).GetCustomAttributes(inherit: true), .. handler.GetCustomAttributes(inherit: true)]);
        }

        private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var marshaller = method.RequestMarshaller;
            var strict = new Marshaller<TRequest>(marshaller.ContextualSerializer, payload =>
            {
                try
                {
                    return marshaller.ContextualDeserializer(payload);
                }
                catch (InvalidProtocolBufferException e)
                {
                    throw RpcErrors.InvalidArgument("request", $"is not a well-formed {typeof(TRequest).Name}: {e.Message}");
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, strict, method.ResponseMarshaller);
        }
    }
}

public static class StrictRequestParsing
{
    /// <summary>
    /// Puts <see cref="StrictParsingMethodProvider{TService}"/> in place of grpc-dotnet's default binder; call after
    /// AddGrpc. Other method providers (JSON transcoding's) stay.
    /// </summary>
    public static IServiceCollection AddStrictRequestParsing(this IServiceCollection services)
    {
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" }).ToList();
        foreach (var descriptor in defaults)
        {
            services.Remove(descriptor);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictParsingMethodProvider<>)));
        return services;
    }
}
