using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Insight;

namespace LocalVision.Rules.Cohorts;

/// <summary>What a funder asks of the next cohort.</summary>
/// <param name="Candidates">Initiatives to choose from; empty means every initiative the filter matches.</param>
/// <param name="Applicants">Which initiatives apply when <paramref name="Candidates"/> is empty.</param>
/// <param name="Budget">Total funding available; null means no limit.</param>
public sealed record CohortPlanRequest(
    IReadOnlyList<string> Candidates,
    NodeFilter Applicants,
    int Size,
    IReadOnlyList<CohortConstraint> Constraints,
    double? Budget,
    DateOnly AsOf);

/// <summary>No initiative to choose from: none is marked as an applicant and none was named.</summary>
public sealed class NoCohortCandidatesException()
    : Exception("no candidates: mark applicant initiatives with `applicant: true`, or name them in `candidates`");

/// <summary>
/// Plans a cohort from the graph: reads the candidates (every applicant, page after page), scores each by its
/// evaluation's outlook plus one when it matches a configuration sufficient for MOMENTUM among the other evaluated
/// projects, reads its locality's attributes, and hands them to <see cref="CohortSelection"/>.
/// </summary>
/// <param name="pageSize">Applicants read per page of the store; every page is read.</param>
public sealed class CohortPlanner(IGraphStore store, EvaluationEngine engine, int pageSize = CohortPlanner.PageSize)
{
    /// <summary>The locality attributes a constraint may name.</summary>
    public static readonly IReadOnlyList<string> LocalityAttributes = ["laType", "region", "ccgConfig"];

    /// <summary>The outcome whose sufficient configurations raise a candidate's score.</summary>
    public const string Outcome = "MOMENTUM";

    /// <summary>Conditions the cohort score checks a candidate against, when the graph's cases support a solution.</summary>
    public static readonly IReadOnlyList<string> Conditions =
        ["SENIOR_ENGAGEMENT_EARLY", "COMMUNITY_ENGAGEMENT", "DEDICATED_SUPPORT", "POLITICAL_ENGAGEMENT", "ALIGNED_BCF", "ALIGNED_PLACE_BASED", "OWNER_PUBLIC_HEALTH"];

    /// <summary>Cases a condition needs before it enters the cohort's solution, and cases the solution needs.</summary>
    private const int MinimumCasesPerCondition = 5;

    private const int MinimumCases = 4;

    public const int PageSize = 1000;

    /// <exception cref="NoCohortCandidatesException">No candidate was named and no initiative matches the filter.</exception>
    /// <exception cref="NodeNotFoundException">A named candidate is not in the graph.</exception>
    public async Task<CohortResult> PlanAsync(CohortPlanRequest request, CancellationToken cancellationToken)
    {
        var names = request.Candidates.Count > 0 ? request.Candidates.Distinct(StringComparer.Ordinal).ToList() : await ApplicantsAsync(request.Applicants, cancellationToken);
        if (names.Count == 0)
        {
            throw new NoCohortCandidatesException();
        }
        var warnings = new List<string>();
        var terms = await SufficientTermsAsync(names, request.AsOf, warnings, cancellationToken);
        var candidates = new List<CohortCandidate>();
        foreach (var name in names)
        {
            candidates.Add(await CandidateAsync(name, request.AsOf, terms, cancellationToken));
        }
        var result = CohortSelection.Select(new CohortRequest(candidates, request.Size, request.Constraints, request.Budget), cancellationToken);
        return result with { Warnings = [.. warnings, .. result.Warnings] };
    }

    /// <summary>Every initiative the filter matches, read page by page to the last.</summary>
    private async Task<List<string>> ApplicantsAsync(NodeFilter filter, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListNodesAsync(new NodeQuery(Labels.Initiative, filter, pageSize, token), cancellationToken);
            names.AddRange(page.Items.Select(n => n.Name));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return names;
    }

    /// <summary>The sufficient terms for MOMENTUM among the projects that are not candidates, when the data support one.</summary>
    private async Task<IReadOnlyList<SolutionTerm>> SufficientTermsAsync(IReadOnlyCollection<string> candidates, DateOnly asOf, List<string> warnings, CancellationToken cancellationToken)
    {
        var evaluations = (await engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), asOf, cancellationToken))
            .Where(e => !candidates.Contains(e.Initiative)).ToList();
        var conditions = GraphCases.ConditionsWithData(evaluations, Outcome, [.. Conditions], MinimumCasesPerCondition);
        var selection = conditions.Count == 0 ? null : GraphCases.From(evaluations, Outcome, conditions);
        if (selection is null || selection.Cases.Count < MinimumCases)
        {
            warnings.Add("too few evaluated projects share the data for a sufficient configuration of MOMENTUM; scores use the rules' findings only");
            return [];
        }
        try
        {
            var table = TruthTable.Build(selection.Cases, Outcome, conditions, new TruthTableOptions(0.8));
            var model = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious), cancellationToken).Models.FirstOrDefault();
            if (model is null)
            {
                warnings.Add("no configuration of the projects' conditions was sufficient for MOMENTUM; scores use the rules' findings only");
                return [];
            }
            warnings.Add($"sufficient for MOMENTUM among {selection.Cases.Count} evaluated projects: {model.Expression} (consistency {model.Consistency:0.00}, coverage {model.Coverage:0.00})");
            return model.Terms;
        }
        catch (GraphValidationException e)
        {
            warnings.Add("no sufficient configuration: " + e.Message);
            return [];
        }
    }

    /// <summary>A candidate's readiness: its outlook score, plus one when it matches a sufficient term (the first that matches is named).</summary>
    private async Task<CohortCandidate> CandidateAsync(string name, DateOnly asOf, IReadOnlyList<SolutionTerm> terms, CancellationToken cancellationToken)
    {
        var evaluation = await engine.EvaluateAsync(name, asOf, cancellationToken);
        var initiative = await store.GetNodeAsync(name, cancellationToken) ?? throw new NodeNotFoundException(name);
        var places = await store.ListRelationshipsAsync(new RelationshipQuery(name, RelationshipTypes.InLocality, Direction.Outgoing, 10, null), cancellationToken);
        var locality = places.Items.Count == 0 ? null : await store.GetNodeAsync(places.Items[0].End, cancellationToken);
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var attribute in LocalityAttributes)
        {
            attributes[attribute] = locality?.Properties[attribute] switch
            {
                JsonArray array => array.Select(JsonValues.AsString).OfType<string>().ToList(),
                var value when JsonValues.AsString(value) is { } text => [text],
                _ => [],
            };
        }
        var reasons = evaluation.Findings.Select(f => $"{(f.Polarity == Polarity.Ingredient ? "+" : "−")} {f.RuleId}: {f.Title}{(f.Subject is null ? "" : $" ({f.Subject})")}").ToList();
        var score = evaluation.Outlook.Score;
        var values = evaluation.Conditions.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().Score, StringComparer.Ordinal);
        var match = terms.FirstOrDefault(term => term.Literals.All(l => values.TryGetValue(l.Name, out var v) && (l.Negated ? v < 0.5 : v > 0.5)));
        if (match is not null)
        {
            score += 1;
            reasons.Add($"+ matches the sufficient configuration {match.Expression}");
        }
        return new CohortCandidate(name, locality?.Name ?? "(no locality)", attributes, initiative.GetNumber("funding") ?? 0, score, reasons);
    }
}
