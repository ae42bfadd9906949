using LocalVision.Server.Grpc;
using LocalVision.Server.Hosting;

namespace LocalVision.Server.Access;

/// <summary>
/// <c>LocalVision.Server keys create|list|revoke</c>: manages API keys in the store's key file without a running
/// service — the way to make the first admin key. Works while the service runs, too.
/// </summary>
public static class KeysCommand
{
    private const string Usage = """
        usage: LocalVision.Server keys create --name NAME --role ROLE [--role ROLE ...] [--store PATH]
               LocalVision.Server keys list [--store PATH]
               LocalVision.Server keys revoke ID [--store PATH]
        roles: reader, evaluator, evidence-reader, admin (admin implies all; evaluator and evidence-reader imply reader)
        the key file is beside the store (graph.db -> graph.access.db), or for a Neo4j store in the LocalVision data folder
        (neo4j-HOST-PORT-DATABASE.access.db), unless --LocalVision:Access:Path=FILE says otherwise
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
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

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(settings.ToArray()).Build();
        var options = configuration.GetSection(LocalVisionOptions.Section).Get<LocalVisionOptions>() ?? new LocalVisionOptions();
        AccessStore store;
        try
        {
            store = AccessSetup.OpenStore(configuration, options.Store);
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
                ["create"] => Create(store, names, roles, output, error),
                ["list"] => List(store, output),
                ["revoke", var id] => Revoke(store, id, output, error),
                _ => Fail(error, Usage),
            };
        }
        catch (AccessStoreException e)
        {
            error.WriteLine($"keys: {e.Message}");
            return 1;
        }
    }

    private static int Create(AccessStore store, List<string> names, List<string> roleNames, TextWriter output, TextWriter error)
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
        var entry = store.Begin("", CommandLineCaller, "keys create", [$"(new key `{names[0]}`)"]);
        var (key, secret) = store.CreateKey(names[0], roles, "command line");
        store.Finish(entry, [key.ResourceName], "OK");
        output.WriteLine($"Created {key.ResourceName} `{key.DisplayName}` ({RoleSet.Format(key.Roles)}) in {store.Path}.");
        output.WriteLine("Its secret is shown only now; send it as the x-api-key header (lv --api-key KEY):");
        output.WriteLine();
        output.WriteLine(secret);
        return 0;
    }

    private static int List(AccessStore store, TextWriter output)
    {
        string? token = null;
        do
        {
            var page = store.ListKeys(1000, token);
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

    private static int Revoke(AccessStore store, string id, TextWriter output, TextWriter error)
    {
        id = id.StartsWith(ApiKeyRecord.Collection, StringComparison.Ordinal) ? id[ApiKeyRecord.Collection.Length..] : id;
        var entry = store.Begin("", CommandLineCaller, "keys revoke", [ApiKeyRecord.Collection + id]);
        if (store.RevokeKey(id) is not { } key)
        {
            store.Finish(entry, [ApiKeyRecord.Collection + id], "NOT_FOUND");
            return Fail(error, $"there is no key `{id}`; `keys list` shows them");
        }
        store.Finish(entry, [key.ResourceName], "OK");
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
