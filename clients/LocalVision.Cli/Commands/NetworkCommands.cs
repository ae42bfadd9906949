using System.CommandLine;
using Grpc.Core;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>The partner network: paths between nodes, ego networks, who is central or brokers, and communities.</summary>
public static class NetworkCommands
{
    public static Command Paths()
    {
        var from = new Argument<string>("from") { Description = "Where the paths start, e.g. partners/hackney-council" };
        var to = new Argument<string>("to") { Description = "Where they end, e.g. partners/merton-council" };
        var maxDepth = new Option<int>("--max-depth") { Description = "Longest path considered, in hops (1 to 10)", DefaultValueFactory = _ => 6 };
        var k = new Option<int>("-k") { Description = "How many paths: the k shortest loopless ones, shortest first (1 to 20)", DefaultValueFactory = _ => 1 };
        var weight = new Option<string>("--weight") { HelpName = "property", Description = "A numeric relationship property used as the cost of a hop, e.g. days; hops when left out" };
        var scope = new NetworkScope(labels: "Only nodes of these labels make up the network (a path passes only through them)");
        var command = new Command("paths", "The shortest paths between two nodes, through the partners, initiatives and Enablers that connect them")
        {
            from, to, maxDepth, k, weight,
        };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new FindPathsRequest
            {
                From = parse.GetValue(from)!, To = parse.GetValue(to)!, MaxDepth = parse.GetValue(maxDepth), K = parse.GetValue(k),
                WeightProperty = parse.GetValue(weight) ?? "", AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
            };
            var response = await connection.Network.FindPathsAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => NetworkView.Paths(response, request.WeightProperty));
        }));
        return command;
    }

    public static Command Ego()
    {
        var name = new Argument<string>("name") { Description = "The node at the centre, e.g. enablers/fir" };
        var depth = new Option<int>("--depth") { Description = "Hops from the node (1 to 6)", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = "Most nodes to return", DefaultValueFactory = _ => 500 };
        var scope = new NetworkScope(labels: "Only include nodes of these labels", types: "Only follow relationships of these types");
        var command = new Command("ego", "The ego network of a node: the nodes within some hops, as the network was at a date, and the ties among them")
        {
            name, depth, limit,
        };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new GetEgoNetworkRequest
            {
                Name = parse.GetValue(name)!, Depth = parse.GetValue(depth), Limit = parse.GetValue(limit),
                AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
            };
            var subgraph = await connection.Network.GetEgoNetworkAsync(request, connection.Call(ct));
            Render.Message(subgraph, connection.Output, () => Render.Subgraph(subgraph));
        }));
        return command;
    }

    public static Command Centrality()
    {
        var measure = new Choice<CentralityAlgorithm>("--measure",
            "degree (most ties), betweenness (on most shortest paths), closeness, harmonic, pagerank, or brokerage (betweenness counting only paths between partners of different kinds)",
            new Dictionary<string, CentralityAlgorithm>
            {
                ["degree"] = CentralityAlgorithm.Degree, ["betweenness"] = CentralityAlgorithm.Betweenness, ["closeness"] = CentralityAlgorithm.Closeness,
                ["harmonic"] = CentralityAlgorithm.Harmonic, ["pagerank"] = CentralityAlgorithm.Pagerank, ["brokerage"] = CentralityAlgorithm.Brokerage,
            },
            "betweenness");
        var top = new Option<int>("--top") { Description = "How many of the highest scores (1 to 10000)", DefaultValueFactory = _ => 20 };
        var sample = new Option<int>("--sample") { HelpName = "sources", Description = "Betweenness only: estimate from this many random sources (at least 2), with each score's standard error; exact when left out" };
        var seed = new Option<int>("--seed") { Description = "Which random sample --sample draws; the same seed gives the same answer" };
        var weight = new Option<string>("--weight") { HelpName = "property", Description = "A numeric relationship property as the tie's weight (a cost for path-based measures, a strength for degree and pagerank)" };
        var tolerance = new Option<double>("--tolerance") { Description = "PageRank only: stop when the scores change by less than this in total (default 1e-10)" };
        var scope = new NetworkScope();
        var command = new Command("centrality", "Rank the nodes of the network by a centrality measure: who is most connected, who brokers between silos")
        {
            measure.Option, top, sample, seed, weight, tolerance,
        };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new ComputeCentralityRequest
            {
                Algorithm = measure.Value(parse), Top = parse.GetValue(top), AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
                SampleSize = parse.GetValue(sample), Seed = parse.GetValue(seed), WeightProperty = parse.GetValue(weight) ?? "", Tolerance = parse.GetValue(tolerance),
            };
            using var call = connection.Network.ComputeCentrality(request, connection.Call(ct));
            var scores = await call.ResponseStream.ReadAllAsync(ct).ToListAsync(ct);
            Render.Messages(scores, connection.Output, () => NetworkView.Centrality(scores, parse.GetValue(measure.Option)!));
        }));
        return command;
    }

    public static Command Communities()
    {
        var algorithm = new Choice<CommunityAlgorithm>("--algorithm",
            "louvain (dense groups, with modularity), label-propagation, or wcc (weakly connected components: the parts with no tie between them)",
            new Dictionary<string, CommunityAlgorithm>
            {
                ["louvain"] = CommunityAlgorithm.Louvain, ["label-propagation"] = CommunityAlgorithm.LabelPropagation, ["wcc"] = CommunityAlgorithm.Wcc,
            },
            "louvain");
        var weight = new Option<string>("--weight") { HelpName = "property", Description = "A numeric relationship property as the tie's strength; every tie weighs 1 when left out" };
        var members = new Option<int>("--members") { HelpName = "n", Description = "Only each community's first n members by name (its size still counts all); 0 lists every member" };
        var pageSize = new Option<int>("--page-size") { Description = "Member names per request (at most 100000; 0 is the server's default); every page is fetched" };
        var scope = new NetworkScope();
        var command = new Command("communities", "Find the communities of the network: groups of nodes more tied to each other than to the rest")
        {
            algorithm.Option, weight, members, pageSize,
        };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new DetectCommunitiesRequest
            {
                Algorithm = algorithm.Value(parse), AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
                WeightProperty = parse.GetValue(weight) ?? "", MembersPerCommunity = parse.GetValue(members), PageSize = parse.GetValue(pageSize),
            };
            var combined = new DetectCommunitiesResponse();
            do
            {
                var page = await connection.Network.DetectCommunitiesAsync(request, connection.Call(ct));
                Join(combined, page);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            Render.Message(combined, connection.Output, () => NetworkView.Communities(combined, request.Algorithm == CommunityAlgorithm.Louvain));
        }));
        return command;
    }

    /// <summary>Adds a page to the answer so far: a community the last page left unfinished continues with this page's part of it.</summary>
    private static void Join(DetectCommunitiesResponse combined, DetectCommunitiesResponse page)
    {
        (combined.Modularity, combined.CommunityCount) = (page.Modularity, page.CommunityCount);
        foreach (var part in page.Communities)
        {
            if (combined.Communities.Count > 0 && combined.Communities[^1].Id == part.Id)
            {
                combined.Communities[^1].Members.AddRange(part.Members);
            }
            else
            {
                combined.Communities.Add(part);
            }
        }
    }

    public static Command Metrics()
    {
        var locality = new Option<string>("--locality") { HelpName = "name", Description = "Only this locality's network, e.g. localities/plymouth; the whole graph when left out" };
        var compareTo = AnalysisOptions.AsOf("Also the network at this earlier date, and the ties gained and lost since, YYYY-MM-DD", "--compare-to");
        var scope = new NetworkScope();
        var command = new Command("metrics", "How big, dense, centralised and clustered the network is, and how it changed since a date") { locality, compareTo };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new GetNetworkMetricsRequest
            {
                Scope = parse.GetValue(locality) ?? "", CompareTo = AnalysisOptions.Timestamp(parse.GetValue(compareTo)),
                AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
            };
            var response = await connection.Network.GetNetworkMetricsAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => NetworkView.Metrics(response));
        }));
        return command;
    }

    public static Command WhatIf()
    {
        var remove = new Argument<string>("node") { Description = "The node to take out of the network, e.g. enablers/fir when its Enabler leaves" };
        var locality = new Option<string>("--locality") { HelpName = "name", Description = "Only this locality's network, e.g. localities/hackney; the whole graph when left out" };
        var scope = new NetworkScope();
        var command = new Command("what-if", "What the network would lose without one node (an Enabler's exit, a partner pulling out): the metrics before and after, and who would be cut off")
        {
            remove, locality,
        };
        scope.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new SimulateRemovalRequest
            {
                Remove = parse.GetValue(remove)!, Scope = parse.GetValue(locality) ?? "",
                AsOf = scope.AsOf(parse), Labels = { scope.Labels(parse) }, RelationshipTypes = { scope.Types(parse) },
            };
            var response = await connection.Network.SimulateRemovalAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => NetworkView.Removal(response, request.Remove));
        }));
        return command;
    }

    /// <summary>The network a request works on: the labels and relationship types that make it up, as it was at a date.</summary>
    private sealed class NetworkScope(
        string labels = "Only nodes of these labels make up the network",
        string types = "Only relationships of these types make up the network")
    {
        private readonly Option<string[]> _labels = AnalysisOptions.Labels(labels);
        private readonly Option<string[]> _types = AnalysisOptions.RelationshipTypes(types);
        private readonly Option<DateOnly?> _asOf =
            AnalysisOptions.AsOf("The network as it was at this date (relationships by their from and to dates), YYYY-MM-DD; every relationship when left out");

        public void AddTo(Command command)
        {
            command.Options.Add(_labels);
            command.Options.Add(_types);
            command.Options.Add(_asOf);
        }

        public string[] Labels(ParseResult parse) => parse.GetValue(_labels) ?? [];

        public string[] Types(ParseResult parse) => parse.GetValue(_types) ?? [];

        public Google.Protobuf.WellKnownTypes.Timestamp? AsOf(ParseResult parse) => AnalysisOptions.Timestamp(parse.GetValue(_asOf));
    }
}
