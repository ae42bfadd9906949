using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>Reading and changing the graph: get, list, relationships, neighborhood, delete.</summary>
public static class GraphCommands
{
    public static Command Get()
    {
        var name = new Argument<string>("name") { Description = "A resource name, e.g. localities/plymouth" };
        var command = new Command("get", "Show one node with all its properties") { name };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var node = await connection.Graph.GetNodeAsync(new GetNodeRequest { Name = parse.GetValue(name)! }, connection.Call(ct));
            Render.Message(node, connection.Output, () => Render.NodeDetail(node));
        }));
        return command;
    }

    public static Command List()
    {
        var label = new Option<string>("--label", "-l") { Description = "Only nodes of this label (Locality, Partner, Person, Enabler, Initiative, Outcome, Observation, Evidence)" };
        var filter = new Option<string>("--filter", "-f") { Description = "Property comparisons joined by AND, e.g. 'code = \"MOMENTUM\" AND score >= 0.75'" };
        var pageSize = new Option<int>("--page-size") { Description = "Nodes per page (at most 1000)", DefaultValueFactory = _ => 100 };
        var all = new Option<bool>("--all") { Description = "Follow page tokens to the end" };
        var pageToken = new Option<string>("--page-token") { Description = "Continue from a previous page" };
        var allowUnknown = new Option<bool>("--allow-unknown-properties") { Description = "Filter on a property no node of the label has (otherwise refused as a likely misspelling)" };
        var command = new Command("list", "List nodes, by label and property filter") { label, filter, pageSize, all, pageToken, allowUnknown };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new ListNodesRequest
            {
                Label = parse.GetValue(label) ?? "", Filter = parse.GetValue(filter) ?? "", PageSize = parse.GetValue(pageSize), PageToken = parse.GetValue(pageToken) ?? "",
                AllowUnknownProperties = parse.GetValue(allowUnknown),
            };
            var combined = new ListNodesResponse();
            do
            {
                var page = await connection.Graph.ListNodesAsync(request, connection.Call(ct));
                combined.Nodes.AddRange(page.Nodes);
                combined.TotalSize = page.TotalSize;
                combined.NextPageToken = page.NextPageToken;
                request.PageToken = page.NextPageToken;
            }
            while (parse.GetValue(all) && request.PageToken.Length > 0);
            var footer = $"{combined.Nodes.Count} of {combined.TotalSize}" + (combined.NextPageToken.Length > 0 ? $"; next page: --page-token {combined.NextPageToken}" : "");
            Render.Message(combined, connection.Output, () => Render.Nodes(combined.Nodes, footer));
        }));
        return command;
    }

    public static Command Relationships()
    {
        var node = new Argument<string>("node") { Description = "The node whose relationships are listed" };
        var type = new Option<string>("--type", "-t") { Description = "Only this relationship type, e.g. PARTNER_IN" };
        var direction = new Option<Direction>("--direction", "-d") { Description = "Outgoing, Incoming or Both", DefaultValueFactory = _ => Direction.Both };
        var command = new Command("relationships", "List a node's relationships") { node, type, direction };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new ListRelationshipsRequest { Node = parse.GetValue(node)!, Type = parse.GetValue(type) ?? "", Direction = parse.GetValue(direction), PageSize = 1000 };
            var combined = new ListRelationshipsResponse();
            do
            {
                var page = await connection.Graph.ListRelationshipsAsync(request, connection.Call(ct));
                combined.Relationships.AddRange(page.Relationships);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            Render.Message(combined, connection.Output, () => Render.Relationships(combined.Relationships, $"{combined.Relationships.Count} relationships"));
        }));
        return command;
    }

    public static Command Neighborhood()
    {
        var name = new Argument<string>("name") { Description = "The node at the centre" };
        var depth = new Option<int>("--depth") { Description = "Hops from the node (1 to 6)", DefaultValueFactory = _ => 1 };
        var types = new Option<string[]>("--type", "-t") { Description = "Only follow these relationship types", AllowMultipleArgumentsPerToken = true };
        var labels = new Option<string[]>("--label", "-l") { Description = "Only include nodes of these labels", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "Most nodes to return", DefaultValueFactory = _ => 500 };
        var command = new Command("neighborhood", "Show the nodes within some hops of a node and the ties among them") { name, depth, types, labels, limit };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new GetNeighborhoodRequest { Name = parse.GetValue(name)!, Depth = parse.GetValue(depth), Limit = parse.GetValue(limit) };
            request.RelationshipTypes.AddRange(parse.GetValue(types) ?? []);
            request.Labels.AddRange(parse.GetValue(labels) ?? []);
            var subgraph = await connection.Graph.GetNeighborhoodAsync(request, connection.Call(ct));
            Render.Message(subgraph, connection.Output, () => Render.Subgraph(subgraph));
        }));
        return command;
    }

    public static Command Delete()
    {
        var name = new Argument<string>("name") { Description = "The node to delete" };
        var cascade = new Option<bool>("--cascade") { Description = "Delete its relationships too" };
        var command = new Command("delete", "Delete a node") { name, cascade };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var response = await connection.Graph.DeleteNodeAsync(new DeleteNodeRequest { Name = parse.GetValue(name)!, Cascade = parse.GetValue(cascade) }, connection.Call(ct));
            Render.Message(response, connection.Output, () => Console.WriteLine($"deleted {parse.GetValue(name)} and {Figures.Count(response.RelationshipsDeleted, "relationship")}"));
        }));
        return command;
    }
}
