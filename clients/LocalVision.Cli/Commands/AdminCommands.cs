using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Commands;

/// <summary>Admin work over gRPC: backup and restore of the store, API keys, the audit log. Each needs an admin key.</summary>
public static class AdminCommands
{
    public static Command Backup()
    {
        var name = new Argument<string>("file-name") { Description = "File name in the server's backup folder; default localvision-{time}.db", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("backup", "Copy the live store to a checked backup file on the server, without stopping it") { name };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var backup = await connection.Admin.BackupStoreAsync(new BackupStoreRequest { FileName = parse.GetValue(name) ?? "" }, connection.Call(ct));
            Render.Message(backup, connection.Output, () =>
                Console.WriteLine($"{backup.FileName}: {backup.Nodes} nodes, {backup.Relationships} relationships, {backup.SizeBytes:N0} bytes; integrity checked"));
        }));
        return command;
    }

    public static Command Restore()
    {
        var name = new Argument<string>("file-name") { Description = "A backup's file name in the server's backup folder" };
        var command = new Command("restore", "Replace the store's contents with a checked backup from the server's backup folder") { name };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var restored = await connection.Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = parse.GetValue(name)! }, connection.Call(ct));
            Render.Message(restored, connection.Output, () => Console.WriteLine($"restored {restored.Nodes} nodes and {restored.Relationships} relationships"));
        }));
        return command;
    }

    public static Command Stats()
    {
        var command = new Command("stats", "Show what the server holds in memory: the network projection cache's size, bound, hits, misses and patches");
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var stats = await connection.Admin.GetServerStatsAsync(new GetServerStatsRequest(), connection.Call(ct));
            Render.Message(stats, connection.Output, () =>
            {
                var cache = stats.ProjectionCache;
                Console.WriteLine($"projection cache: {cache.Entries} projections, {cache.SizeBytes:N0} of {cache.CapacityBytes:N0} bytes; {cache.Hits} hits, {cache.Misses} misses (builds), {cache.Patches} patches (brought up to date after a write without a build)");
                var lists = stats.CommunityCache;
                Console.WriteLine($"community cache: {lists.Entries} of at most {lists.Capacity} lists, {lists.SizeBytes:N0} bytes; {lists.Hits} hits (pages served from a held list), {lists.Detections} detections");
            });
        }));
        return command;
    }

    public static Command Keys()
    {
        var displayName = new Option<string>("--name") { Description = "Who or what the key is for", Required = true };
        var roles = new Option<Role[]>("--role") { Description = "reader, evaluator, evidence-reader or admin; repeat for several", Required = true, AllowMultipleArgumentsPerToken = true, CustomParser = ParseRoles };
        var create = new Command("create", "Create a key; its secret is printed once") { displayName, roles };
        create.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var created = await connection.Access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = parse.GetValue(displayName)!, Roles = { parse.GetValue(roles)! } }, connection.Call(ct));
            Render.Message(created, connection.Output, () =>
            {
                Console.WriteLine($"created {created.Key.Name} `{created.Key.DisplayName}`; its secret, shown only now:");
                Console.WriteLine(created.Secret);
            });
        }));

        var list = new Command("list", "List keys, revoked ones included; secrets are never shown");
        list.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var keys = await connection.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 1000 }, connection.Call(ct));
            Render.Message(keys, connection.Output, () =>
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("key", "name", "roles", "created", "by", "revoked");
                foreach (var key in keys.Keys)
                {
                    table.AddRow(Markup.Escape(key.Name), Markup.Escape(key.DisplayName), string.Join(", ", key.Roles.Select(RoleName)),
                        key.CreateTime.ToDateTimeOffset().ToString("u"), Markup.Escape(key.Creator), key.RevokeTime?.ToDateTimeOffset().ToString("u") ?? "");
                }
                AnsiConsole.Write(table);
            });
        }));

        var key = new Argument<string>("key") { Description = "apiKeys/{id}" };
        var revoke = new Command("revoke", "Revoke a key: calls with it are refused from now on") { key };
        revoke.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var revoked = await connection.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = parse.GetValue(key)! }, connection.Call(ct));
            Render.Message(revoked, connection.Output, () => Console.WriteLine($"revoked {revoked.Name} `{revoked.DisplayName}`"));
        }));

        return new Command("keys", "Create, list and revoke API keys (the first admin key is made on the server: LocalVision.Server keys create)") { create, list, revoke };
    }

    public static Command Audit()
    {
        var limit = new Option<int>("--limit") { Description = "How many of the newest entries", DefaultValueFactory = _ => 50 };
        var command = new Command("audit", "Show the newest entries of the audit log of writes and key operations") { limit };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var entries = await connection.Access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = Math.Clamp(parse.GetValue(limit), 1, 1000) }, connection.Call(ct));
            Render.Message(entries, connection.Output, () =>
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "time", "who", "method", "resources", "outcome");
                foreach (var entry in entries.Entries)
                {
                    table.AddRow(entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Time.ToDateTimeOffset().ToString("u"),
                        Markup.Escape($"{entry.Caller} {entry.Key}".Trim()), Markup.Escape(entry.Method.Split('/')[^1]),
                        Markup.Escape(string.Join(", ", entry.Resources.Take(5).Concat(entry.Counts.Select(c => $"{c.Value} {c.Key}")))
                            + (entry.Resources.Count > 5 ? $" (+{entry.Resources.Count - 5})" : "")), entry.Outcome);
                }
                AnsiConsole.Write(table);
            });
        }));
        return command;
    }

    private static Role[] ParseRoles(System.CommandLine.Parsing.ArgumentResult result)
    {
        var roles = new List<Role>();
        foreach (var token in result.Tokens)
        {
            var role = token.Value switch
            {
                "reader" => Role.Reader,
                "evaluator" => Role.Evaluator,
                "evidence-reader" => Role.EvidenceReader,
                "admin" => Role.Admin,
                _ => Role.Unspecified,
            };
            if (role == Role.Unspecified)
            {
                result.AddError($"`{token.Value}` is not a role; one of reader, evaluator, evidence-reader, admin");
            }
            roles.Add(role);
        }
        return [.. roles];
    }

    private static string RoleName(Role role) => role switch
    {
        Role.Reader => "reader",
        Role.Evaluator => "evaluator",
        Role.EvidenceReader => "evidence-reader",
        Role.Admin => "admin",
        _ => role.ToString(),
    };
}
