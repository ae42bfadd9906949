using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Tests.Evaluation.Language;

/// <summary>
/// One line per evaluation: who, under which scope, the rating, score and findings, and a hash of everything the
/// evaluation says (findings with their explanations, evidence and conditions, the outlook's reasons, the not-assessed
/// list), so two rule sets can be compared byte for byte.
/// </summary>
internal static class EvaluationDigest
{
    /// <summary>Dates across the sample's record: before most projects start, during, at the fieldwork date, after.</summary>
    public static IReadOnlyList<EvidenceScope> Scopes { get; } =
        new[] { new DateOnly(2014, 3, 1), new DateOnly(2014, 11, 1), new DateOnly(2015, 4, 1), new DateOnly(2015, 9, 1), new DateOnly(2016, 6, 1) }
            .SelectMany(d => new[] { new EvidenceScope(d), new EvidenceScope(d, AsNowKnown: true), new EvidenceScope(d, IncludeIllustrative: true) })
            .ToList();

    public static async Task<IReadOnlyList<string>> LinesAsync(IGraphStore store, InitiativeEvaluator evaluator)
    {
        var lines = new List<string>();
        var reader = new StoreGraphReader(store);
        var names = (await store.ListNodesAsync(new NodeQuery(LocalVision.Graph.Schema.Labels.Initiative, NodeFilter.Parse(""), 1000, null), CancellationToken.None))
            .Items.Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var scope in Scopes)
        {
            var evaluations = await evaluator.EvaluateManyAsync(reader, names, scope, CancellationToken.None);
            lines.AddRange(evaluations.Select(e => Line(e, scope)));
        }
        return lines;
    }

    private static string Line(LocalVision.Rules.Evaluation.Evaluation evaluation, EvidenceScope scope)
    {
        var json = JsonSerializer.Serialize(new
        {
            evaluation.Initiative,
            evaluation.Status,
            Findings = evaluation.Findings.Select(f => f with { Order = 0 }),
            evaluation.NotAssessed,
            evaluation.Outlook,
        });
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        var findings = string.Join(",", evaluation.Findings.Select(f => f.RuleId + (f.Subject is null ? "" : "/" + f.Subject)));
        return string.Create(CultureInfo.InvariantCulture,
            $"{evaluation.Initiative}\t{scope.AsOf:yyyy-MM-dd}{(scope.AsNowKnown ? " as now known" : "")}{(scope.IncludeIllustrative ? " +illustrative" : "")}\t{evaluation.Outlook.RatingName} {evaluation.Outlook.Score}\t{findings}\t{hash}");
    }
}
