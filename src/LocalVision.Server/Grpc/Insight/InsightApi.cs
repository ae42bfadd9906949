using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Cohorts;
using LocalVision.Rules.Configurations;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.Options;
using DomainCandidate = LocalVision.Rules.Cohorts.CohortCandidate;
using DomainCase = LocalVision.Rules.Configurations.Case;
using DomainSolutionType = LocalVision.Rules.Configurations.SolutionType;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>
/// The InsightService: QCA over the graph's cases (each Local Vision project, its conditions resolved by the rules
/// engine as of a date) or over an analyst's own case table, and cohort selection.
/// </summary>
public sealed class InsightApi(IGraphStore store, EvaluationEngine engine, TimeProvider clock, IOptions<LocalVisionOptions> serverOptions) : InsightService.InsightServiceBase
{
    private const int MaxConditions = 24;
    private const int DefaultMaxModels = 1000;
    private const string ModelPages = "models";
    private const string DefaultOutcome = "MOMENTUM";

    /// <summary>Conditions the cohort score checks a candidate against, when the graph's cases support a solution.</summary>
    private static readonly string[] CohortConditions =
        ["SENIOR_ENGAGEMENT_EARLY", "COMMUNITY_ENGAGEMENT", "DEDICATED_SUPPORT", "POLITICAL_ENGAGEMENT", "ALIGNED_BCF", "ALIGNED_PLACE_BASED", "OWNER_PUBLIC_HEALTH"];

    public override async Task<AnalyzeConditionsResponse> AnalyzeConditions(AnalyzeConditionsRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var outcome = Outcome(request.Outcome, request.NegateOutcome);
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var conditions = Conditions(checks, request.Conditions, required: false);
        checks.ThrowIfAny();
        if (conditions.Count == 0)
        {
            var evaluations = await EvaluateCasesAsync(asOf, context.CancellationToken);
            conditions = request.CaseTable is { Cases.Count: > 0 }
                ? request.CaseTable.Cases.SelectMany(c => c.Memberships.Keys).Distinct().Where(k => k != SetReference.Parse(outcome).Name).Order(StringComparer.Ordinal).ToList()
                : [.. GraphCases.ConditionsWithData(evaluations, outcome, CodeCatalogue.Ids(Graph.Schema.CodeKind.Context), minimumCases: 3)];
        }
        var response = new AnalyzeConditionsResponse { Outcome = outcome };
        foreach (var condition in conditions)
        {
            var selection = await CasesAsync(request.CaseTable, outcome, [condition], asOf, context.CancellationToken);
            if (selection.Cases.Count == 0)
            {
                response.Warnings.Add($"{condition}: no case has values for both it and {outcome}");
                continue;
            }
            var statistics = ConditionAnalysis.Analyze(selection.Cases, condition, outcome);
            var proto = new V1.ConditionStatistics
            {
                Condition = condition,
                SufficiencyConsistency = statistics.Sufficiency.Consistency,
                SufficiencyCoverage = statistics.Sufficiency.Coverage,
                Pri = statistics.Sufficiency.Pri,
                NecessityConsistency = statistics.Necessity.Consistency,
                NecessityCoverage = statistics.Necessity.Coverage,
                RelevanceOfNecessity = statistics.Necessity.RelevanceOfNecessity,
                Crisp = new CrispTable
                {
                    Both = statistics.CrispTable.A,
                    ConditionOnly = statistics.CrispTable.B,
                    OutcomeOnly = statistics.CrispTable.C,
                    Neither = statistics.CrispTable.D,
                    FisherP = statistics.FisherExactP,
                    OddsRatio = statistics.OddsRatio.Estimate,
                    OddsRatioLow = statistics.OddsRatio.Lower,
                    OddsRatioHigh = statistics.OddsRatio.Upper,
                },
            };
            proto.CasesInCondition.AddRange(statistics.CrispTable.CasesInCondition);
            proto.CasesInBoth.AddRange(statistics.CrispTable.InBoth);
            response.Conditions.Add(proto);
            foreach (var name in selection.Cases.CaseNames.Where(n => !response.Cases.Contains(n)))
            {
                response.Cases.Add(name);
            }
        }
        return response;
    }

    public override async Task<BuildTruthTableResponse> BuildTruthTable(BuildTruthTableRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var conditions = Conditions(checks, request.Conditions, required: true);
        var options = TableOptions(checks, request.InclusionCutoff, request.FrequencyCutoff);
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        checks.ThrowIfAny();
        var outcome = Outcome(request.Outcome, negate: false);
        var selection = await CasesAsync(request.CaseTable, outcome, conditions, asOf, context.CancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var response = new BuildTruthTableResponse { RemainderCount = table.LogicalRemainderCount };
        response.Conditions.AddRange(conditions);
        response.Rows.AddRange(table.Rows.Select(row =>
        {
            var proto = new V1.TruthTableRow
            {
                // What the minimisation uses; a contradiction is its own flag with the cases on each side, so a
                // contradictory row still says whether it counts as sufficient (R's OUT).
                Outcome = row.Outcome switch { OutcomeValue.Positive => "1", OutcomeValue.Negative => "0", _ => "?" },
                N = row.N,
                Consistency = row.Consistency,
                Pri = row.Pri,
                Contradictory = row.IsContradictory,
            };
            proto.Configuration.AddRange(row.Configuration.Select(c => c == '1' ? 1 : 0));
            proto.Cases.AddRange(row.Cases);
            proto.CasesInOutcome.AddRange(row.CasesInOutcome);
            proto.CasesOutOfOutcome.AddRange(row.CasesOutOfOutcome);
            return proto;
        }));
        response.Remainders.AddRange(table.EnumerateLogicalRemainders().Take(1024));
        response.Warnings.AddRange(selection.Warnings.Concat(table.Warnings));
        return response;
    }

    public override async Task<MinimizeTruthTableResponse> MinimizeTruthTable(MinimizeTruthTableRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var conditions = Conditions(checks, request.Conditions, required: true);
        var options = TableOptions(checks, request.InclusionCutoff, request.FrequencyCutoff);
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var solutionType = request.SolutionType switch
        {
            V1.SolutionType.Conservative or V1.SolutionType.Unspecified => DomainSolutionType.Conservative,
            V1.SolutionType.Parsimonious => DomainSolutionType.Parsimonious,
            V1.SolutionType.Intermediate => DomainSolutionType.Intermediate,
            _ => DomainSolutionType.Conservative,
        };
        var expectations = new Dictionary<string, DirectionalExpectation>(StringComparer.Ordinal);
        foreach (var (condition, expected) in request.DirectionalExpectations)
        {
            if (!conditions.Contains(condition))
            {
                checks.Add($"directional_expectations[{condition}]", "is not one of the conditions");
            }
            else if (expected is not (0 or 1))
            {
                checks.Add($"directional_expectations[{condition}]", "must be 1 (presence expected to help) or 0 (absence)");
            }
            else
            {
                expectations[condition] = expected == 1 ? DirectionalExpectation.Present : DirectionalExpectation.Absent;
            }
        }
        if (solutionType == DomainSolutionType.Intermediate && expectations.Count == 0)
        {
            checks.Add("directional_expectations", "the intermediate solution needs at least one directional expectation");
        }
        if (request.MaxModels < 0)
        {
            checks.Add("max_models", "must not be negative (0 means every model, unset 1,000)");
        }
        // A page continues the list of the same request: the token is bound to every other field.
        var query = ModelPages + RequestFingerprint.Of(new MinimizeTruthTableRequest(request) { PageToken = "" });
        var first = PageToken.Decode(request.PageToken, query) is { } position
            ? int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : -1
            : 0;
        if (first < 0)
        {
            checks.Add("page_token", "is not a token this query returned; start again without it");
        }
        checks.ThrowIfAny();
        var maxModels = !request.HasMaxModels ? DefaultMaxModels : request.MaxModels == 0 ? int.MaxValue : request.MaxModels;
        var outcome = Outcome(request.Outcome, negate: false);
        var selection = await CasesAsync(request.CaseTable, outcome, conditions, asOf, context.CancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var result = BooleanMinimization.Minimize(table, new MinimizationOptions(solutionType, expectations, MaxModels: maxModels), context.CancellationToken);
        var response = new MinimizeTruthTableResponse { TotalModels = result.Models.Count };
        var firstModel = result.Models.FirstOrDefault();
        if (firstModel is not null)
        {
            response.SimplifyingAssumptions.AddRange(firstModel.SimplifyingAssumptions.Configurations);
            if (firstModel.Intermediate is { } intermediate)
            {
                response.EasyCounterfactuals.AddRange(intermediate.EasyCounterfactuals.Configurations);
                response.DifficultCounterfactuals.AddRange(intermediate.DifficultCounterfactuals.Configurations);
            }
        }
        response.Warnings.AddRange(selection.Warnings.Concat(table.Warnings).Concat(result.Warnings).Distinct());
        // However many models there are, a page stays within the message limit: as many models as fit what the
        // rest of the response leaves of half the limit, and always one so that paging moves on.
        var budget = (serverOptions.Value.Limits.MaxMessageBytes / 2) - response.CalculateSize();
        var bytes = 0;
        for (var index = first; index < result.Models.Count; index++)
        {
            var model = result.Models[index];
            var proto = new V1.SolutionModel { Name = model.Name, Expression = model.Expression, Consistency = model.Consistency, Coverage = model.Coverage };
            proto.Terms.AddRange(model.Terms.Select(term =>
            {
                var t = new V1.SolutionTerm
                {
                    Expression = term.Expression, Consistency = term.Consistency, RawCoverage = term.RawCoverage, UniqueCoverage = term.UniqueCoverage,
                };
                t.Cases.AddRange(term.Cases);
                return t;
            }));
            bytes += proto.CalculateSize() + 8;
            if (bytes > budget && response.Models.Count > 0)
            {
                response.NextPageToken = PageToken.Encode(query, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            }
            response.Models.Add(proto);
        }
        return response;
    }

    public override async Task<AnalyzeNecessityResponse> AnalyzeNecessity(AnalyzeNecessityRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var conditions = Conditions(checks, request.Conditions, required: true);
        var cutoff = request.ConsistencyCutoff == 0 ? 0.9 : request.ConsistencyCutoff;
        if (cutoff is < 0 or > 1 || double.IsNaN(cutoff))
        {
            checks.Add("consistency_cutoff", "must be between 0 and 1 (0 means 0.9)");
        }
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        checks.ThrowIfAny();
        var outcome = Outcome(request.Outcome, negate: false);
        var selection = await CasesAsync(request.CaseTable, outcome, conditions, asOf, context.CancellationToken);
        var result = NecessityAnalysis.Analyze(selection.Cases, outcome, conditions, new NecessityOptions(cutoff, request.IncludeDisjunctions));
        var response = new AnalyzeNecessityResponse();
        response.Conditions.AddRange(result.Conditions.Select(c => new V1.NecessaryCondition
        {
            Expression = c.Expression, Consistency = c.Fit.Consistency, Coverage = c.Fit.Coverage, RelevanceOfNecessity = c.Fit.RelevanceOfNecessity,
        }));
        response.Warnings.AddRange(selection.Warnings.Concat(result.Warnings));
        return response;
    }

    public override async Task<SelectCohortResponse> SelectCohort(SelectCohortRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var size = checks.Bounded("size", request.Size, 0, 100);
        if (request.Size == 0)
        {
            checks.Add("size", "is required: how many projects to fund");
        }
        for (var i = 0; i < request.Candidates.Count; i++)
        {
            checks.Name($"candidates[{i}]", request.Candidates[i], Labels.Initiative);
        }
        for (var i = 0; i < request.Constraints.Count; i++)
        {
            var c = request.Constraints[i];
            if (c.Attribute is not ("laType" or "region" or "ccgConfig"))
            {
                checks.Add($"constraints[{i}].attribute", "must be laType, region or ccgConfig");
            }
            if (c.Min < 0 || c.Max < 0 || (c.Max > 0 && c.Max < c.Min))
            {
                checks.Add($"constraints[{i}]", "needs 0 ≤ min ≤ max (max 0 means no maximum)");
            }
        }
        if (request.Budget < 0 || double.IsNaN(request.Budget))
        {
            checks.Add("budget", "must not be negative (0 means no limit)");
        }
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var filter = checks.Filter("filter", request.Filter, "applicant = true");
        checks.ThrowIfAny();

        var names = request.Candidates.Count > 0
            ? request.Candidates.Distinct().ToList()
            : (await store.ListNodesAsync(new NodeQuery(Labels.Initiative, filter, 1000, null), context.CancellationToken)).Items.Select(n => n.Name).ToList();
        if (names.Count == 0)
        {
            throw new FailedPreconditionException("no candidates: mark applicant initiatives with `applicant: true`, or name them in `candidates`");
        }
        var warnings = new List<string>();
        var solution = await SufficientTermsAsync(names, asOf, warnings, context.CancellationToken);
        var candidates = new List<DomainCandidate>();
        foreach (var name in names)
        {
            candidates.Add(await CandidateAsync(name, asOf, solution, context.CancellationToken));
        }
        var constraints = request.Constraints.Select(c => new Rules.Cohorts.CohortConstraint(c.Attribute, c.Value, c.Min, c.Max == 0 ? null : c.Max)).ToList();
        var result = CohortSelection.Select(new CohortRequest(candidates, size, constraints, request.Budget > 0 ? request.Budget : null), context.CancellationToken);
        var response = new SelectCohortResponse
        {
            TotalScore = result.TotalScore, TotalFunding = result.TotalFunding, Optimal = result.Optimal, TieBreak = CohortSelection.TieBreak,
        };
        response.Selected.AddRange(result.Selected.Select(ToProto));
        response.Excluded.AddRange(result.Excluded.Select(ToProto));
        response.Warnings.AddRange(warnings.Concat(result.Warnings));
        return response;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Outcome(string outcome, bool negate)
    {
        var name = outcome.Length == 0 ? DefaultOutcome : outcome;
        return negate ? "~" + name : name;
    }

    private static List<string> Conditions(RequestChecks checks, IReadOnlyList<string> conditions, bool required)
    {
        if (required && conditions.Count == 0)
        {
            checks.Add("conditions", "name at least one condition");
        }
        // The limit is on distinct conditions: X and ~X are one condition asked both ways.
        var distinct = conditions.Select(c => c.Trim().TrimStart('~').Trim()).Distinct(StringComparer.Ordinal).Count();
        if (distinct > MaxConditions)
        {
            checks.Add("conditions", $"names {distinct} distinct conditions; at most {MaxConditions} per request (X and ~X count as one)");
        }
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].TrimStart('~').Trim().Length == 0)
            {
                checks.Add($"conditions[{i}]", "names no condition");
            }
        }
        if (conditions.Count != conditions.Distinct().Count())
        {
            checks.Add("conditions", "names a condition twice");
        }
        return [.. conditions];
    }

    private static TruthTableOptions TableOptions(RequestChecks checks, double inclusion, int frequency)
    {
        var cutoff = inclusion == 0 ? 0.8 : inclusion;
        if (cutoff is < 0 or > 1 || double.IsNaN(cutoff))
        {
            checks.Add("inclusion_cutoff", "must be between 0 and 1 (0 means 0.8)");
        }
        if (frequency < 0)
        {
            checks.Add("frequency_cutoff", "must not be negative (0 means 1)");
        }
        return new TruthTableOptions(cutoff, Math.Max(1, frequency));
    }

    /// <summary>The analyst's case table when given, else the graph's Local Vision projects as of the date.</summary>
    private async Task<CaseSelection> CasesAsync(V1.CaseTable? table, string outcome, IReadOnlyCollection<string> conditions, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (table is { Cases.Count: > 0 })
        {
            var checks = new RequestChecks();
            // A name that is no set is refused below, as the key it came from.
            var sets = conditions.Append(outcome).Where(s => s.Trim().TrimStart('~').Trim().Length > 0).Select(s => SetReference.Parse(s).Name).Distinct().ToList();
            for (var i = 0; i < table.Cases.Count; i++)
            {
                foreach (var set in sets.Where(s => !table.Cases[i].Memberships.ContainsKey(s)))
                {
                    checks.Add($"case_table.cases[{i}].memberships", $"has no value for `{set}`");
                }
                foreach (var (set, value) in table.Cases[i].Memberships)
                {
                    if (set.Trim().Length == 0 || set.TrimStart().StartsWith('~'))
                    {
                        checks.Add($"case_table.cases[{i}].memberships[{set}]", "names no set: give each set its own name, without a leading ~");
                    }
                    else if (!double.IsFinite(value) || value is < 0 or > 1)
                    {
                        checks.Add($"case_table.cases[{i}].memberships[{set}]", "must be between 0 and 1");
                    }
                }
            }
            checks.ThrowIfAny();
            return new CaseSelection(new Rules.Configurations.CaseTable(table.Cases.Select(c => new DomainCase(c.Name, c.Memberships))), []);
        }
        var evaluations = await EvaluateCasesAsync(asOf, cancellationToken);
        foreach (var code in conditions.Append(outcome).Select(s => SetReference.Parse(s).Name).Where(c => !CodeCatalogue.IsKnown(c)))
        {
            throw GraphValidationException.Single("conditions", $"`{code}` is not a code of the catalogue; pass a case_table to analyse other sets");
        }
        return GraphCases.From(evaluations, outcome, conditions);
    }

    private Task<IReadOnlyList<Rules.Evaluation.Evaluation>> EvaluateCasesAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), asOf, cancellationToken);

    /// <summary>The sufficient terms for MOMENTUM among the projects that are not candidates, when the data support one.</summary>
    private async Task<IReadOnlyList<Rules.Configurations.SolutionTerm>> SufficientTermsAsync(IReadOnlyCollection<string> candidates, DateOnly asOf, List<string> warnings, CancellationToken cancellationToken)
    {
        var evaluations = (await EvaluateCasesAsync(asOf, cancellationToken)).Where(e => !candidates.Contains(e.Initiative)).ToList();
        var conditions = GraphCases.ConditionsWithData(evaluations, DefaultOutcome, CohortConditions, minimumCases: 5);
        var selection = conditions.Count == 0 ? null : GraphCases.From(evaluations, DefaultOutcome, conditions);
        if (selection is null || selection.Cases.Count < 4)
        {
            warnings.Add("too few evaluated projects share the data for a sufficient configuration of MOMENTUM; scores use the rules' findings only");
            return [];
        }
        try
        {
            var table = TruthTable.Build(selection.Cases, DefaultOutcome, conditions, new TruthTableOptions(0.8));
            var model = BooleanMinimization.Minimize(table, new MinimizationOptions(DomainSolutionType.Parsimonious), cancellationToken).Models.FirstOrDefault();
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

    private async Task<DomainCandidate> CandidateAsync(string name, DateOnly asOf, IReadOnlyList<Rules.Configurations.SolutionTerm> terms, CancellationToken cancellationToken)
    {
        var evaluation = await engine.EvaluateAsync(name, asOf, cancellationToken);
        var initiative = await store.GetNodeAsync(name, cancellationToken) ?? throw new NodeNotFoundException(name);
        var places = await store.ListRelationshipsAsync(new RelationshipQuery(name, RelationshipTypes.InLocality, Graph.Model.Direction.Outgoing, 10, null), cancellationToken);
        var locality = places.Items.Count == 0 ? null : await store.GetNodeAsync(places.Items[0].End, cancellationToken);
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var attribute in new[] { "laType", "region", "ccgConfig" })
        {
            attributes[attribute] = locality?.Properties[attribute] switch
            {
                System.Text.Json.Nodes.JsonArray array => array.Select(JsonValues.AsString).OfType<string>().ToList(),
                var value when JsonValues.AsString(value) is { } text => [text],
                _ => [],
            };
        }
        var reasons = evaluation.Findings.Select(f => $"{(f.Polarity == Rules.Evaluation.Catalogue.Polarity.Ingredient ? "+" : "−")} {f.RuleId}: {f.Title}{(f.Subject is null ? "" : $" ({f.Subject})")}").ToList();
        var score = evaluation.Outlook.Score;
        var values = evaluation.Conditions.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().Score, StringComparer.Ordinal);
        var match = terms.FirstOrDefault(term => term.Literals.All(l => values.TryGetValue(l.Name, out var v) && (l.Negated ? v < 0.5 : v > 0.5)));
        if (match is not null)
        {
            score += 1;
            reasons.Add($"+ matches the sufficient configuration {match.Expression}");
        }
        return new DomainCandidate(name, locality?.Name ?? "(no locality)", attributes, initiative.GetNumber("funding") ?? 0, score, reasons);
    }

    private static V1.CohortCandidate ToProto(CohortDecision decision)
    {
        var proto = new V1.CohortCandidate
        {
            Initiative = decision.Candidate.Initiative,
            Locality = decision.Candidate.Locality,
            Score = decision.Candidate.Score,
            Funding = decision.Candidate.Funding,
            Selected = decision.Selected,
        };
        proto.Reasons.AddRange(decision.Reasons.Concat(decision.Selected ? [] : decision.Candidate.ScoreReasons));
        return proto;
    }
}

/// <summary>The request is well formed but the graph's state does not allow it.</summary>
public sealed class FailedPreconditionException(string message) : Exception(message);
