using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;

namespace LocalVision.Testing.Hosting;

/// <summary>Nodes and relationships as a client sends them over the wire: a partner, an initiative, the partnership between them.</summary>
public static class WireNodes
{
    public static Node Partner(string slug, string kind = "LOCAL_AUTHORITY") => new()
    {
        Name = $"partners/{slug}",
        Label = "Partner",
        DisplayName = slug,
        Properties = new Struct { Fields = { ["name"] = Value.ForString(slug), ["kind"] = Value.ForString(kind) } },
    };

    public static Node Initiative(string slug) => new()
    {
        Name = $"initiatives/{slug}",
        Label = "Initiative",
        DisplayName = slug,
        Properties = new Struct { Fields = { ["name"] = Value.ForString(slug), ["kind"] = Value.ForString("LV_PROJECT") } },
    };

    public static Relationship PartnerIn(string partner, string initiative, string role = "MEMBER") => new()
    {
        Type = "PARTNER_IN",
        Start = $"partners/{partner}",
        End = $"initiatives/{initiative}",
        Properties = new Struct { Fields = { ["role"] = Value.ForString(role) } },
    };
}
