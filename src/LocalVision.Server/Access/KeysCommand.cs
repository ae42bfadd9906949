using LocalVision.Server.Grpc;
using LocalVision.Server.Hosting;
using LocalVision.Server.Migration;

namespace LocalVision.Server.Access;

/// <summary>
/// <c>LocalVision.Server keys create|list|revoke</c>: manages API keys where the service keeps them (the store's key
/// file, or the Neo4j database) without a running service — the way to make the first admin key. Works while the
/// service runs, too.
/// </summary>
public static class KeysCommand
{
    private const string Usage = """
        usage: LocalVision.Server keys create --name NAME --role ROLE [--role ROLE ...] [--store STORE]
               LocalVision.Server keys list [--store STORE]
               LocalVision.Server keys revoke ID [--store STORE]
        roles: reader, evaluator, evidence-reader, admin (admin implies all; evaluator and evidence-reader imply reader)
        STORE is the graph store as the service takes it: for a SQLite store (graph.db) the keys are in the file beside it
        (graph.access.db); for a Neo4j store (neo4j://user@host) they are in its database, the password coming from
        configuration (LocalVision__Store__Neo4j__Password) or NEO4J_PASSWORD. --LocalVision:Access:Path=FILE names a
        key file to use instead, as it does for the service.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var roles = new List<string>();
        var positional = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--name" when value is not null:
                    names.Add(value);
                    i++;
                    break;
                case "--role" when value is not null:
                    roles.Add(value);
                    i++;
                    break;
                case "--store" when value is not null:
                    settings.Add($"--{LocalVisionOptions.Section}:Store:Path={value}");
                    i++;
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    (args[i].StartsWith("--", StringComparison.Ordinal) ? settings : positional).Add(args[i]);
                    break;
            }
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings.ToArray())
            .Build();
        var options = configuration.GetSection(LocalVisionOptions.Section).Get<LocalVisionOptions>() ?? new LocalVisionOptions();
        options.Store.Neo4j.Password ??= configuration[MigrateCommand.PasswordVariable];
        IAccessStore store;
        try
        {
            store = await AccessSetup.OpenStoreAsync(configuration, options.Store, cancellationToken);
        }
        catch (StartupConfigurationException e)
        {
            error.WriteLine($"keys: {e.Message}");
            return 1;
        }

        try
        {
            return positional switch
            {
                ["create"] => await CreateAsync(store, names, roles, output, error, cancellationToken),
                ["list"] => await ListAsync(store, output, cancellationToken),
                ["revoke", var id] => await RevokeAsync(store, id, output, error, cancellationToken),
                _ => Fail(error, Usage),
            };
        }
        catch (AccessStoreException e)
        {
            error.WriteLine($"keys: {e.Message}");
            return 1;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static async Task<int> CreateAsync(IAccessStore store, List<string> names, List<string> roleNames, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (names.Count != 1)
        {
            return Fail(error, "keys create needs one --name (who or what the key is for)");
        }
        var checks = new RequestChecks();
        KeyDisplayName.Check(names[0], checks);
        if (checks.Violations.Count > 0)
        {
            return Fail(error, $"--name {checks.Violations[0].Description}");
        }
        var roles = Roles.None;
        foreach (var name in roleNames)
        {
            if (!RoleSet.TryParse(name, out var role))
            {
                return Fail(error, $"--role `{name}` is not a role; one of {string.Join(", ", RoleSet.AllNames)}");
            }
            roles |= role;
        }
        if (roles == Roles.None)
        {
            return Fail(error, $"keys create needs at least one --role: {string.Join(", ", RoleSet.AllNames)}");
        }
        var entry = await store.BeginAsync("", CommandLineCaller, "keys create", AuditSummary.Of([$"(new key `{names[0]}`)"]), cancellationToken);
        var (key, secret) = await store.CreateKeyAsync(names[0], roles, "command line", cancellationToken);
        await store.FinishAsync(entry, AuditSummary.Of([key.ResourceName]), "OK", cancellationToken);
        output.WriteLine($"Created {key.ResourceName} `{key.DisplayName}` ({RoleSet.Format(key.Roles)}) in {store.Location}.");
        output.WriteLine("Its secret is shown only now; send it as the x-api-key header (lv --api-key KEY):");
        output.WriteLine();
        output.WriteLine(secret);
        return 0;
    }

    private static async Task<int> ListAsync(IAccessStore store, TextWriter output, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await store.ListKeysAsync(1000, token, cancellationToken);
            foreach (var key in page.Items)
            {
                var state = key.RevokeTime is { } revoked ? $"revoked {revoked:u}" : "active";
                output.WriteLine($"{key.ResourceName}\t{key.DisplayName}\t{RoleSet.Format(key.Roles)}\tcreated {key.CreateTime:u} by {key.Creator}\t{state}");
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return 0;
    }

    private static async Task<int> RevokeAsync(IAccessStore store, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        id = id.StartsWith(ApiKeyRecord.Collection, StringComparison.Ordinal) ? id[ApiKeyRecord.Collection.Length..] : id;
        var entry = await store.BeginAsync("", CommandLineCaller, "keys revoke", AuditSummary.Of([ApiKeyRecord.Collection + id]), cancellationToken);
        if (await store.RevokeKeyAsync(id, cancellationToken) is not { } key)
        {
            await store.FinishAsync(entry, AuditSummary.Of([ApiKeyRecord.Collection + id]), "NOT_FOUND", cancellationToken);
            return Fail(error, $"there is no key `{id}`; `keys list` shows them");
        }
        await store.FinishAsync(entry, AuditSummary.Of([key.ResourceName]), "OK", cancellationToken);
        output.WriteLine($"Revoked {key.ResourceName} `{key.DisplayName}`.");
        return 0;
    }

    /// <summary>Who the audit log names for a key operation on the command line.</summary>
    private static string CommandLineCaller => $"command line ({Environment.UserName})";

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"keys: {message}");
        return 2;
    }
}
