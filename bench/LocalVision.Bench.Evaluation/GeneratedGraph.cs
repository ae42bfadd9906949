using System.Globalization;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Bench.Evaluation;

/// <summary>
/// Initiatives in the sample dataset's shape, at any scale. Shared nodes (localities, Enablers, programmes) grow with
/// the number of initiatives, so each initiative's neighbourhood stays the same size and evaluation can scale linearly.
/// </summary>
internal sealed class GeneratedGraph
{
    private static readonly string[] CodedCodes = CodeCatalogue.All.Where(c => c.Kind != CodeKind.Outcome || c.Id == "MOMENTUM")
        .Select(c => c.Id).ToArray();

    private static readonly string[] PartnerKinds = ["LOCAL_AUTHORITY", "CCG", "PUBLIC_HEALTH", "HWBB", "NHS_PROVIDER", "VOLUNTARY", "COMMUNITY"];
    private static readonly string[] Roles = ["SENIOR_LEADER", "ELECTED_MEMBER", "PROJECT_LEAD", "PROJECT_SUPPORT", "CLINICIAN", "FRONTLINE", "COMMUNITY_MEMBER"];
    private static readonly string[] Levels = ["STRATEGIC", "COMMUNITY", "MIXED"];
    private static readonly string[] Effects = ["COMPLEMENTS", "DISTRACTS", "MIXED"];
    private static readonly string[] Programmes = ["Better Care Fund", "Vanguard", "Pioneer", "BrightLife", "Transformation Challenge Fund"];
    private static readonly double[] Scores = [0, 0.25, 0.5, 0.75, 1];

    public List<GraphNode> Nodes { get; } = [];

    public List<GraphRelationship> Relationships { get; } = [];

    public List<string> Initiatives { get; } = [];

    /// <summary>Names of the observations, for picking one to change.</summary>
    public List<string> Observations { get; } = [];

    public static GraphGenerator For(int initiatives, int observationsEach, int seed) => new(initiatives, observationsEach, seed);

    internal sealed class GraphGenerator(int initiatives, int observationsEach, int seed)
    {
        public GeneratedGraph Generate()
        {
            var graph = new GeneratedGraph();
            var random = new Random(seed);
            var localities = Math.Max(1, initiatives / 20);
            var enablers = Math.Max(1, initiatives / 15);
            var programmes = Math.Max(1, initiatives / 10);
            for (var l = 0; l < localities; l++)
            {
                graph.Node($"localities/l{l}", Labels.Locality, new() { ["name"] = $"Locality {l}", ["laType"] = "UNITARY" });
            }
            for (var e = 0; e < enablers; e++)
            {
                graph.Node($"enablers/e{e}", Labels.Enabler, new() { ["pseudonym"] = $"Enabler {e}" });
            }
            for (var p = 0; p < programmes; p++)
            {
                var name = $"{Programmes[p % Programmes.Length]} ({p})";
                graph.Node($"initiatives/programme-{p}", Labels.Initiative, new() { ["name"] = name, ["kind"] = "PROGRAMME", ["programme"] = Programmes[p % Programmes.Length] });
            }
            for (var i = 0; i < initiatives; i++)
            {
                AddInitiative(graph, random, i, localities, enablers, programmes);
            }
            return graph;
        }

        private void AddInitiative(GeneratedGraph graph, Random random, int i, int localities, int enablers, int programmes)
        {
            var name = $"initiatives/i{i}";
            var start = new DateOnly(2013, 1, 1).AddDays(random.Next(0, 700));
            var end = start.AddMonths(random.Next(6, 25));
            graph.Initiatives.Add(name);
            graph.Node(name, Labels.Initiative, new()
            {
                ["name"] = $"Initiative {i}", ["kind"] = "LV_PROJECT", ["cohort"] = 1 + (i % 2), ["level"] = Levels[random.Next(Levels.Length)],
                ["start"] = Date(start), ["end"] = Date(end), ["funding"] = 27000,
            });
            graph.Relate(RelationshipTypes.InLocality, name, $"localities/l{random.Next(localities)}");

            var people = new List<string>();
            var partners = random.Next(3, 7);
            for (var p = 0; p < partners; p++)
            {
                var partner = $"partners/i{i}-p{p}";
                graph.Node(partner, Labels.Partner, new() { ["name"] = $"Partner {i}.{p}", ["kind"] = PartnerKinds[random.Next(PartnerKinds.Length)] });
                graph.Relate(RelationshipTypes.PartnerIn, partner, name, new() { ["role"] = p == 0 ? "LEAD" : "MEMBER", ["from"] = Date(start) });
                for (var q = 0; q < 2; q++)
                {
                    var person = $"people/i{i}-p{p}-{q}";
                    people.Add(person);
                    graph.Node(person, Labels.Person, new() { ["role"] = Roles[random.Next(Roles.Length)] });
                    graph.Relate(RelationshipTypes.WorksFor, person, partner, new() { ["from"] = Date(start.AddDays(-random.Next(0, 400))) });
                }
            }

            var enabler = $"enablers/e{random.Next(enablers)}";
            graph.Relate(RelationshipTypes.Enables, enabler, name, new() { ["from"] = Date(start), ["to"] = Date(end), ["mode"] = "SOLE", ["days"] = 20 });
            if (random.Next(3) == 0)
            {
                graph.Relate(RelationshipTypes.KnownTo, enabler, people[random.Next(people.Count)], new() { ["since"] = Date(start.AddDays(-random.Next(30, 900))) });
            }
            graph.Relate(RelationshipTypes.AlignedWith, name, $"initiatives/programme-{random.Next(programmes)}", new() { ["effect"] = Effects[random.Next(Effects.Length)] });
            if (random.Next(10) == 0)
            {
                var next = $"initiatives/i{i}-next";
                graph.Node(next, Labels.Initiative, new() { ["name"] = $"Initiative {i} follow-on", ["kind"] = "LV_PROJECT", ["start"] = Date(end) });
                graph.Relate(RelationshipTypes.FollowedBy, name, next);
            }

            for (var o = 0; o < observationsEach; o++)
            {
                var observation = $"observations/i{i}-o{o}";
                var evidence = $"evidence/i{i}-o{o}";
                graph.Observations.Add(observation);
                graph.Node(observation, Labels.Observation, new()
                {
                    ["code"] = CodedCodes[random.Next(CodedCodes.Length)], ["score"] = Scores[random.Next(Scores.Length)],
                    ["at"] = Date(start.AddDays(random.Next(0, 900))), ["confidence"] = "M", ["section"] = "7",
                });
                graph.Node(evidence, Labels.Evidence, new() { ["kind"] = "INTERVIEW", ["summary"] = $"Interview {i}.{o}" });
                graph.Relate(RelationshipTypes.Observed, name, observation);
                graph.Relate(RelationshipTypes.Supports, evidence, observation);
                graph.Relate(RelationshipTypes.About, evidence, name);
            }

            for (var u = 0; u < 2; u++)
            {
                var outcome = $"outcomes/i{i}-u{u}";
                graph.Node(outcome, Labels.Outcome, new()
                {
                    ["domain"] = "IMPROVING_SERVICES", ["description"] = $"Outcome {i}.{u}", ["trend"] = random.Next(2) == 0 ? "RISING" : "FALLING",
                    ["at"] = Date(end),
                });
                graph.Relate(RelationshipTypes.Achieved, name, outcome, new() { ["attribution"] = "CONTRIBUTED" });
            }
        }

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private void Node(string name, string label, JsonObject properties) =>
        Nodes.Add(new GraphNode(name, label, JsonValues.AsString(properties["name"]) ?? name, properties));

    private void Relate(string type, string start, string end, JsonObject? properties = null) =>
        Relationships.Add(new GraphRelationship(type, start, end, properties ?? []));
}
