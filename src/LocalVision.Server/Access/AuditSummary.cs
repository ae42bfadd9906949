using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVision.Server.Access;

/// <summary>
/// What an audit entry says about a call, bounded whatever the call held: the first few resources it names (each
/// clipped), counts (of nodes, relationships, batches, refused calls, what an import created or replaced, …) and a
/// hash of the request. An entry is a few kilobytes at most, so no caller can make the log large by what it sends.
/// </summary>
/// <param name="Resources">At most <see cref="MaxResources"/> names, each at most <see cref="MaxResourceLength"/> characters.</param>
/// <param name="Counts">Named counts; the number of resources the call named is <c>resources</c> when more were named than kept.</param>
/// <param name="RequestHash"><c>sha256:…</c> of the request's wire form, or empty.</param>
public sealed record AuditSummary(IReadOnlyList<string> Resources, IReadOnlyDictionary<string, long> Counts, string RequestHash = "")
{
    public const int MaxResources = 10;
    public const int MaxResourceLength = 200;

    public static AuditSummary Empty { get; } = new([], new Dictionary<string, long>());

    /// <summary>The first resources of a call, clipped and checked, with how many there were when some are left out.</summary>
    public static AuditSummary Of(IEnumerable<string> resources, IReadOnlyDictionary<string, long>? counts = null, string requestHash = "")
    {
        var kept = new List<string>(MaxResources);
        long total = 0;
        foreach (var resource in resources)
        {
            if (total++ < MaxResources)
            {
                kept.Add(Clip(resource));
            }
        }
        var all = new Dictionary<string, long>(counts ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        if (total > kept.Count)
        {
            all["resources"] = total;
        }
        return new AuditSummary(kept, all, requestHash);
    }

    public AuditSummary WithRequestHash(string hash) => this with { RequestHash = hash };

    /// <summary>A name as the log keeps it: control characters shown as <c>?</c>, and clipped, saying its length.</summary>
    private static string Clip(string resource)
    {
        var shown = resource.Length <= MaxResourceLength ? resource : resource[..MaxResourceLength];
        if (shown.Any(char.IsControl))
        {
            shown = new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        }
        if (shown.Length > 0 && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }
        return resource.Length <= MaxResourceLength ? shown : $"{shown}… ({resource.Length:N0} characters)";
    }

    /// <summary>The stored form: a JSON object (entries written before summaries were a JSON array of resources).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(Resources, Counts, RequestHash));

    /// <summary>
    /// Reads the stored form back; a record cut at <paramref name="fullLength"/> characters (an entry written whole
    /// before entries were bounded) is shown by its size instead.
    /// </summary>
    public static AuditSummary FromJson(string json, long fullLength)
    {
        try
        {
            if (json.StartsWith('['))
            {
                return Of(JsonSerializer.Deserialize<string[]>(json) ?? []);
            }
            var stored = JsonSerializer.Deserialize<Stored>(json);
            return stored is null ? Empty : new AuditSummary(stored.Resources ?? [], stored.Counts ?? new Dictionary<string, long>(), stored.Sha256 ?? "");
        }
        catch (JsonException)
        {
            return new AuditSummary([$"(a record of {fullLength:N0} characters, too large to show)"], new Dictionary<string, long>());
        }
    }

    private sealed record Stored(
        [property: JsonPropertyName("resources")] IReadOnlyList<string>? Resources,
        [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, long>? Counts,
        [property: JsonPropertyName("sha256")] string? Sha256);
}
