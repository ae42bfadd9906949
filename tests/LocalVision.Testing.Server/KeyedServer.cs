using LocalVision.Server.Access;

namespace LocalVision.Testing.Hosting;

/// <summary>
/// The sample data behind keys of every role, by display name, for tests of what each role sees and may do; a class
/// fixture, so each test class has its own. Tests write only nodes of their own and revoke only the `leaver` key.
/// </summary>
public sealed class KeyedServer : IAsyncLifetime
{
    public static IReadOnlyDictionary<string, Roles> Keys { get; } = new Dictionary<string, Roles>
    {
        ["ops"] = Roles.Admin,
        ["steering group"] = Roles.Reader,
        ["evaluator"] = Roles.Evaluator,
        ["evidence reader"] = Roles.Reader | Roles.EvidenceReader,
        ["leaver"] = Roles.Reader,
    };

    public RunningServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RunningServer.StartAsync(seed: true, Keys);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
