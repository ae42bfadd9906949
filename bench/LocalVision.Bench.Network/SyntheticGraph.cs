using LocalVision.Graph.Network;

namespace LocalVision.Bench.Network;

/// <summary>How large a synthetic partner network to generate.</summary>
/// <param name="Localities">Local-authority areas.</param>
/// <param name="PartnersPerLocality">Organisations based in each locality.</param>
/// <param name="InitiativesPerLocality">Local Vision projects and other programmes in each locality.</param>
/// <param name="Enablers">Facilitators, each enabling initiatives in a few localities.</param>
/// <param name="People">Stakeholders, each working for a partner.</param>
/// <param name="Relationships">Total relationships; partner collaborations fill whatever the other types leave.</param>
public sealed record GraphShape(string Name, int Localities, int PartnersPerLocality, int InitiativesPerLocality, int Enablers, int People, long Relationships)
{
    public static IReadOnlyDictionary<string, GraphShape> Presets { get; } = new Dictionary<string, GraphShape>(StringComparer.Ordinal)
    {
        // 400 + 100,000 + 20,000 + 2,000 + 877,600 = 1,000,000 nodes.
        ["national"] = new("national", 400, 250, 50, 2_000, 877_600, 10_000_000),
        ["regional"] = new("regional", 40, 250, 50, 200, 87_560, 1_000_000),
        ["county"] = new("county", 8, 250, 50, 40, 17_512, 200_000),
        ["tiny"] = new("tiny", 3, 20, 5, 4, 300, 1_500),
    };

    public int Nodes => Localities + (Localities * PartnersPerLocality) + (Localities * InitiativesPerLocality) + Enablers + People;
}

/// <summary>
/// A seeded generator of a national partner network shaped like the Local Vision graph: partners based in localities,
/// initiatives in localities with partners and Enablers, people working for partners, Enablers known to people, and
/// many partner collaborations, mostly within a locality. Relationship costs are integers 1..10 for weighted paths.
/// </summary>
public static class SyntheticGraph
{
    private static readonly string[] LabelNames = ["Locality", "Partner", "Initiative", "Enabler", "Person"];
    private static readonly string[] TypeNames =
        ["BASED_IN", "IN_LOCALITY", "PARTNER_IN", "WORKS_FOR", "ENABLES", "KNOWN_TO", "ALIGNED_WITH", "FOLLOWED_BY", "COLLABORATES_WITH"];
    private static readonly string[] PartnerKinds =
        ["LOCAL_AUTHORITY", "CCG", "PUBLIC_HEALTH", "HWBB", "NHS_PROVIDER", "VOLUNTARY", "COMMUNITY", "POLICE", "ACADEMIC", "BUSINESS", "NATIONAL_BODY", "OTHER"];

    /// <summary>The same graph as arrays, for export.</summary>
    public sealed record Arrays(int NodeCount, int[] Starts, int[] Ends, double[] Weights);

    public static (NetworkProjection Projection, Arrays Edges) Generate(GraphShape shape, int seed, ProjectionDirection direction = ProjectionDirection.Undirected)
    {
        var random = new Random(seed);
        var n = shape.Nodes;
        var names = new string[n];
        var labels = new byte[n];
        var kinds = new short[n];
        Array.Fill(kinds, (short)-1);
        var at = 0;
        var localityBase = at;
        for (var l = 0; l < shape.Localities; l++, at++)
        {
            names[at] = $"localities/l{l}";
            labels[at] = 0;
        }
        var partnerBase = at;
        var partnerCount = shape.Localities * shape.PartnersPerLocality;
        for (var p = 0; p < partnerCount; p++, at++)
        {
            names[at] = $"partners/l{p / shape.PartnersPerLocality}-p{p % shape.PartnersPerLocality}";
            labels[at] = 1;
            kinds[at] = (short)random.Next(PartnerKinds.Length);
        }
        var initiativeBase = at;
        var initiativeCount = shape.Localities * shape.InitiativesPerLocality;
        for (var i = 0; i < initiativeCount; i++, at++)
        {
            names[at] = $"initiatives/l{i / shape.InitiativesPerLocality}-i{i % shape.InitiativesPerLocality}";
            labels[at] = 2;
        }
        var enablerBase = at;
        for (var e = 0; e < shape.Enablers; e++, at++)
        {
            names[at] = $"enablers/e{e}";
            labels[at] = 3;
        }
        var personBase = at;
        for (var h = 0; h < shape.People; h++, at++)
        {
            names[at] = $"people/h{h}";
            labels[at] = 4;
        }

        var capacity = checked((int)shape.Relationships);
        var starts = new int[capacity];
        var ends = new int[capacity];
        var types = new byte[capacity];
        var weights = new double[capacity];
        var m = 0;
        void Add(int start, int end, byte type)
        {
            if (m == capacity)
            {
                return;
            }
            starts[m] = start;
            ends[m] = end;
            types[m] = type;
            weights[m] = random.Next(1, 11);
            m++;
        }
        int PartnerIn(int locality) => partnerBase + (locality * shape.PartnersPerLocality) + random.Next(shape.PartnersPerLocality);

        for (var p = 0; p < partnerCount; p++)
        {
            Add(partnerBase + p, localityBase + (p / shape.PartnersPerLocality), 0);
        }
        for (var i = 0; i < initiativeCount; i++)
        {
            var locality = i / shape.InitiativesPerLocality;
            var initiative = initiativeBase + i;
            Add(initiative, localityBase + locality, 1);
            var partners = 20 + random.Next(41);
            for (var k = 0; k < partners; k++)
            {
                // A few partners come from elsewhere (national bodies, neighbouring areas).
                Add(PartnerIn(random.Next(20) == 0 ? random.Next(shape.Localities) : locality), initiative, 2);
            }
            if (random.Next(3) == 0 && i + 1 < initiativeCount)
            {
                Add(initiative, initiativeBase + i + 1, random.Next(2) == 0 ? (byte)6 : (byte)7);
            }
        }
        for (var h = 0; h < shape.People; h++)
        {
            // A career: the first employer, then others over the years, mostly in the same locality.
            var partner = partnerBase + random.Next(partnerCount);
            Add(personBase + h, partner, 3);
            var locality = (partner - partnerBase) / shape.PartnersPerLocality;
            var moves = random.Next(7);
            for (var k = 0; k < moves; k++)
            {
                Add(personBase + h, PartnerIn(random.Next(10) == 0 ? random.Next(shape.Localities) : locality), 3);
            }
        }
        for (var e = 0; e < shape.Enablers; e++)
        {
            var enabler = enablerBase + e;
            var home = random.Next(shape.Localities);
            var engagements = 5 + random.Next(11);
            for (var k = 0; k < engagements; k++)
            {
                var locality = random.Next(4) == 0 ? random.Next(shape.Localities) : home;
                Add(enabler, initiativeBase + (locality * shape.InitiativesPerLocality) + random.Next(shape.InitiativesPerLocality), 4);
            }
            var acquaintances = 200 + random.Next(601);
            for (var k = 0; k < acquaintances && shape.People > 0; k++)
            {
                Add(enabler, random.Next(3) == 0 ? PartnerIn(home) : personBase + random.Next(shape.People), 5);
            }
        }
        while (m < capacity)
        {
            var partner = partnerBase + random.Next(partnerCount);
            var locality = (partner - partnerBase) / shape.PartnersPerLocality;
            var other = random.Next(100) < 85 ? PartnerIn(locality) : PartnerIn(random.Next(shape.Localities));
            if (other != partner)
            {
                Add(partner, other, 8);
            }
        }
        var projection = NetworkProjection.FromArrays(names, labels, LabelNames, kinds, PartnerKinds, starts, ends, types, TypeNames, weights, direction);
        return (projection, new Arrays(n, starts, ends, weights));
    }
}
