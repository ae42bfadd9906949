using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// FindCases through a real channel (and over JSON): kinds worked out by hand on a small fuzzy table, the shipped graph
/// with its display names and evidence, the case accounting as a property, refusals naming each field, and access.
/// </summary>
public sealed class FindCasesTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// One condition A against Y. At inclusion 0.75 the row A is positive (Σmin/ΣA = 3.65/4.8 = 0.76) and ~A is not
    /// (2.35/3.2 = 0.73), so the conservative solution is `A`. By hand, with membership above 0.5 meaning in:
    /// sufficiency — typical t1 (SetMethods' score 2(y−x)+(1−x) = 0.1+0.1 = 0.2), t2 (0.4+0.3 = 0.7); deviant in degree
    /// dd (x−y 0.3); deviant consistency dc (1−(x−y)+(1−x) = 1−0.55+0.2 = 0.65), dc2 (1−0.15+0.4 = 1.25); deviant
    /// coverage cov (1−y 0.2); irrelevant irr (x 0.1); half is at 0.5 in Y.
    /// Necessity (cases in Y, and in A without Y) — typical dd (2|x−y|+(1−x) = 0.7); deviant in degree t1 (0.05), t2 (0.2);
    /// deviant consistency cov (1−(y−x) = 0.4); deviant relevance dc (1−(x−y)+(1−x) = 0.45+0.2 = 0.65), dc2 (0.85+0.4 =
    /// 1.25); irr is out of both; half at 0.5 in Y.
    /// </summary>
    private static FindCasesRequest HandBuilt(SetRelation relation = SetRelation.Sufficiency, string term = "", int limit = 0)
    {
        (string Name, double A, double Y)[] rows =
        [
            ("t1", 0.9, 0.95), ("t2", 0.7, 0.9), ("dd", 0.9, 0.6), ("dc", 0.8, 0.25), ("dc2", 0.6, 0.45), ("cov", 0.2, 0.8), ("irr", 0.1, 0.05), ("half", 0.6, 0.5),
        ];
        var minimization = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 0.75, SolutionType = SolutionType.Conservative, CaseTable = new CaseTable() };
        minimization.Conditions.Add("A");
        foreach (var (name, a, y) in rows)
        {
            minimization.CaseTable.Cases.Add(new Case { Name = name, Memberships = { ["A"] = a, ["Y"] = y } });
        }
        return new FindCasesRequest { Minimization = minimization, Relation = relation, Term = term, PerKindLimit = limit };
    }

    private static MinimizeTruthTableRequest LipsetRequest()
    {
        var request = new MinimizeTruthTableRequest { Outcome = "SURV", InclusionCutoff = 1, SolutionType = SolutionType.Conservative, CaseTable = Lipset.Table() };
        request.Conditions.AddRange(Lipset.Conditions);
        return request;
    }

    /// <summary>A group as `KIND total: cases listed`, to compare whole answers.</summary>
    private static string Shape(CaseGroup group) => $"{group.Kind} {group.Total}: {string.Join(",", group.Cases.Select(c => c.Name))}";

    [Fact]
    public async Task FindCases_HandBuiltSufficiency_SortsEachCaseIntoTheKindWorkedOutByHand()
    {
        var response = await Client.FindCasesAsync(HandBuilt(), cancellationToken: Ct);

        Assert.Equal("A", response.Expression);
        Assert.Equal(SetRelation.Sufficiency, response.Relation);
        Assert.Equal(
            ["Typical 2: t1,t2", "DeviantConsistency 2: dc,dc2", "DeviantDegree 1: dd", "DeviantCoverage 1: cov", "IndividuallyIrrelevant 1: irr"],
            response.Groups.Select(Shape).ToList());
        var typical = response.Groups[0].Cases;
        Assert.Equal((1, 0.9, 0.95), (typical[0].Rank, typical[0].X, typical[0].Y));
        Assert.Equal(0.2, typical[0].Criterion, 9);
        Assert.Equal(2, typical[1].Rank);
        Assert.Equal(0.65, response.Groups[1].Cases[0].Criterion, 9);
        Assert.Equal(7, response.CaseCount);
        var half = Assert.Single(response.Excluded);
        Assert.Equal(("half", ExclusionReason.AtCrossover, "Y"), (half.Name, half.Reason, Assert.Single(half.Sets)));
        // An analyst's case table: the display name is the case's own, and there is no evidence to cite.
        Assert.All(response.Groups.SelectMany(g => g.Cases), c => Assert.Equal((c.Name, 0), (c.DisplayName, c.Evidence.Count)));
        Assert.All(response.Groups, g => Assert.False(string.IsNullOrWhiteSpace(g.Purpose)));
    }

    [Fact]
    public async Task FindCases_HandBuiltNecessityOfTheCondition_ListsTheCasesInTheOutcomeAndTheDeviantRelevanceCases()
    {
        var response = await Client.FindCasesAsync(HandBuilt(SetRelation.Necessity, term: "A"), cancellationToken: Ct);

        Assert.Equal(
            ["Typical 1: dd", "DeviantConsistency 1: cov", "DeviantDegree 2: t1,t2", "DeviantRelevance 2: dc,dc2"],
            response.Groups.Select(Shape).ToList());
        Assert.Equal(0.4, response.Groups[1].Cases[0].Criterion, 9);
        var relevance = response.Groups[3].Cases;
        Assert.Equal([(1, 0.8, 0.25), (2, 0.6, 0.45)], relevance.Select(c => (c.Rank, c.X, c.Y)));
        Assert.Equal([0.65, 1.25], relevance.Select(c => Math.Round(c.Criterion, 9)));
        Assert.Equal(CaseKind.DeviantRelevance, relevance[0].Kind);
        Assert.False(string.IsNullOrWhiteSpace(response.Groups[3].Purpose));
        Assert.Equal((6, 1), (response.CaseCount, response.CasesOutOfOutcome));
        Assert.Equal(["half"], response.Excluded.Select(e => e.Name));
    }

    [Fact]
    public async Task FindCases_NecessityOfTheNegation_TurnsTheDeviantRelevanceCasesAround()
    {
        var response = await Client.FindCasesAsync(HandBuilt(SetRelation.Necessity, term: "~A"), cancellationToken: Ct);

        // ~A: cov (0.8) and irr (0.9) are in it; cov is in Y (x ≥ y: typical), irr is not: 1 − (0.9 − 0.05) + 0.1 = 0.25.
        var relevance = response.Groups.Single(g => g.Kind == CaseKind.DeviantRelevance);
        Assert.Equal("DeviantRelevance 1: irr", Shape(relevance));
        Assert.Equal(0.25, relevance.Cases[0].Criterion, 9);
        Assert.Equal(2, response.CasesOutOfOutcome);
    }

    [Fact]
    public async Task FindCases_PerKindLimit_ListsTheBestRankedAndCountsTheRest()
    {
        var response = await Client.FindCasesAsync(HandBuilt(limit: 1), cancellationToken: Ct);

        Assert.Equal(["Typical 2: t1", "DeviantConsistency 2: dc"], response.Groups.Take(2).Select(Shape));
    }

    [Fact]
    public async Task FindCases_LipsetTerm_SortsAgainstThatTermOnly()
    {
        var response = await Client.FindCasesAsync(new FindCasesRequest { Minimization = LipsetRequest(), Term = "DEV * LIT * IND * STB", PerKindLimit = 100 }, cancellationToken: Ct);

        Assert.Equal("DEV*LIT*IND*STB", response.Expression);
        // Rihoux and De Meur's data: the term holds for BE, CZ, FR, NL, SE and UK, all survivors; FI and IE survive by the other term.
        Assert.Equal(["BE", "CZ", "FR", "NL", "SE", "UK"], response.Groups.Single(g => g.Kind == CaseKind.Typical).Cases.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["FI", "IE"], response.Groups.Single(g => g.Kind == CaseKind.DeviantCoverage).Cases.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, response.Groups.Single(g => g.Kind == CaseKind.DeviantConsistency).Total);
    }

    [Fact]
    public async Task FindCases_ShippedGraph_NamesInitiativesByDisplayNameWithTheirEvidence()
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" };
        minimization.Conditions.Add("COMMUNITY_ENGAGEMENT");

        var response = await Client.FindCasesAsync(new FindCasesRequest { Minimization = minimization, PerKindLimit = 100 }, cancellationToken: Ct);

        var listed = response.Groups.SelectMany(g => g.Cases).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, c => Assert.StartsWith("initiatives/", c.Name, StringComparison.Ordinal));
        Assert.Contains(listed, c => c.DisplayName != c.Name);
        Assert.Contains(listed, c => c.Evidence.Any(e => e.Code == "COMMUNITY_ENGAGEMENT" && e.Observations.Count + e.Evidence.Count > 0));
        Assert.All(listed.SelectMany(c => c.Evidence), e => Assert.Contains(e.Code, new[] { "COMMUNITY_ENGAGEMENT", "MOMENTUM" }));
    }

    [Theory]
    [InlineData(SetRelation.Sufficiency)]
    [InlineData(SetRelation.Necessity)]
    public async Task FindCases_ShippedGraph_AccountsForEveryCaseOfTheTruthTableExactlyOnce(SetRelation relation)
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" };
        minimization.Conditions.Add("COMMUNITY_ENGAGEMENT");
        var table = new BuildTruthTableRequest { Outcome = "MOMENTUM" };
        table.Conditions.AddRange(minimization.Conditions);

        var response = await Client.FindCasesAsync(new FindCasesRequest { Minimization = minimization, Relation = relation, PerKindLimit = 1000 }, cancellationToken: Ct);
        var rows = await Client.BuildTruthTableAsync(table, cancellationToken: Ct);

        var listed = response.Groups.SelectMany(g => g.Cases).ToList();
        Assert.Equal(listed.Count, listed.Select(c => c.Name).Distinct().Count());
        Assert.Equal(response.CaseCount, listed.Count);
        Assert.Equal(response.CaseCount, response.Groups.Sum(g => g.Total));
        var atCrossover = response.Excluded.Where(e => e.Reason == ExclusionReason.AtCrossover).Select(e => e.Name).ToList();
        Assert.Empty(atCrossover.Intersect(listed.Select(c => c.Name)));
        var withValues = rows.Rows.SelectMany(r => r.Cases).Concat(rows.Excluded.Where(e => e.Reason == ExclusionReason.AtCrossover).Select(e => e.Name)).ToHashSet();
        if (relation == SetRelation.Sufficiency)
        {
            Assert.Equal(withValues.Order(StringComparer.Ordinal), listed.Select(c => c.Name).Concat(atCrossover).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.All(listed, c => Assert.True(c.Kind == CaseKind.DeviantRelevance ? c.X > 0.5 && c.Y < 0.5 : c.Y > 0.5,
                $"{c.Name} is listed for necessity as {c.Kind} with x {c.X}, y {c.Y}"));
            Assert.Equal(withValues.Count, listed.Count + atCrossover.Count + response.CasesOutOfOutcome);
        }
    }

    [Fact]
    public async Task FindCases_RandomTablesForNecessity_SortEachCaseAsTheDefinitionsSayAndAccountForItOnce()
    {
        var random = new Random(6);
        for (var run = 0; run < 30; run++)
        {
            // Memberships in tenths, so that many cases sit at exactly 0.5 and on either side of it.
            var rows = Enumerable.Range(0, random.Next(2, 14)).Select(i => (Name: $"c{i}", A: random.Next(0, 11) / 10.0, Y: random.Next(0, 11) / 10.0)).ToList();
            var request = HandBuilt(SetRelation.Necessity, term: "A", limit: 1000);
            request.Minimization.InclusionCutoff = 0;
            request.Minimization.CaseTable.Cases.Clear();
            request.Minimization.CaseTable.Cases.AddRange(rows.Select(r => new Case { Name = r.Name, Memberships = { ["A"] = r.A, ["Y"] = r.Y } }));

            var response = await Client.FindCasesAsync(request, cancellationToken: Ct);

            // The definitions case by case: a kind for a case in Y or in A off the crossover, else out of Y (whatever A) or at 0.5.
            string Expected((string Name, double A, double Y) r) => (r.A, r.Y) switch
            {
                (_, < 0.5) when r.A <= 0.5 => "out",
                (0.5, _) or (_, 0.5) => "excluded",
                (> 0.5, > 0.5) => r.A >= r.Y ? nameof(CaseKind.Typical) : nameof(CaseKind.DeviantDegree),
                (< 0.5, _) => nameof(CaseKind.DeviantConsistency),
                _ => nameof(CaseKind.DeviantRelevance),
            };
            var listed = response.Groups.SelectMany(g => g.Cases.Select(c => (c.Name, Kind: g.Kind.ToString()))).ToList();
            var found = listed.Concat(response.Excluded.Select(e => (e.Name, Kind: "excluded"))).ToList();
            Assert.Equal(found.Count, found.Select(c => c.Name).Distinct().Count());
            Assert.Equal(rows.Where(r => Expected(r) != "out").Select(r => (r.Name, Expected(r))).Order(), found.Order());
            Assert.Equal(rows.Count(r => Expected(r) == "out"), response.CasesOutOfOutcome);
            Assert.Equal((response.CaseCount, rows.Count), (listed.Count, listed.Count + response.Excluded.Count + response.CasesOutOfOutcome));
        }
    }

    [Fact]
    public async Task FindCases_UnknownTerm_IsInvalidArgumentOnTermWithTheClosestTerm()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.FindCasesAsync(new FindCasesRequest { Minimization = LipsetRequest(), Term = "DEV*LIT*IND*STBB" }, cancellationToken: Ct));

        var violation = Assert.Single(RpcAssert.FieldViolations(error));
        Assert.Equal("term", violation.Field);
        Assert.Contains("did you mean `DEV*LIT*IND*STB`?", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindCases_AConditionForSufficiency_IsRefusedButAcceptedForNecessity()
    {
        var sufficiency = HandBuilt(term: "~A");
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.FindCasesAsync(sufficiency, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "term");

        var necessity = await Client.FindCasesAsync(HandBuilt(SetRelation.Necessity, term: "~A"), cancellationToken: Ct);
        Assert.Equal("~A", necessity.Expression);
    }

    [Fact]
    public async Task FindCases_BadMinimizationRelationAndLimit_AreRefusedNamingEachField()
    {
        var missing = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.FindCasesAsync(new FindCasesRequest(), cancellationToken: Ct));
        RpcAssert.HasViolation(missing, "minimization");
        RpcAssert.HasViolation(missing, "minimization.conditions");

        var bad = HandBuilt(limit: -1);
        bad.Relation = (SetRelation)7;
        bad.Minimization.InclusionCutoff = 2;
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.FindCasesAsync(bad, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "relation");
        RpcAssert.HasViolation(error, "per_kind_limit");
        RpcAssert.HasViolation(error, "minimization.inclusion_cutoff");
    }

    [Fact]
    public async Task FindCases_NoPositiveRow_IsFailedPrecondition()
    {
        var request = HandBuilt();
        request.Minimization.InclusionCutoff = 0.99;

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Client.FindCasesAsync(request, cancellationToken: Ct));
    }

    [Fact]
    public async Task FindCases_Json_AnswersOnTheWebPort()
    {
        using var response = await _http.PostAsync("/v1/truthTables:findCases",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(HandBuilt()), System.Text.Encoding.UTF8, "application/json"), Ct);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("A", body.GetProperty("expression").GetString());
        var first = body.GetProperty("groups")[0];
        Assert.Equal("CASE_KIND_TYPICAL", first.GetProperty("kind").GetString());
        Assert.Equal("t1", first.GetProperty("cases")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task FindCases_ReaderKey_IsServedAndNoKey_IsUnauthenticated()
    {
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["reader"] = Roles.Reader });

        var response = await new InsightService.InsightServiceClient(server.As("reader")).FindCasesAsync(HandBuilt(), cancellationToken: Ct);
        Assert.Equal("A", response.Expression);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => new InsightService.InsightServiceClient(server.Channel).FindCasesAsync(HandBuilt(), cancellationToken: Ct));
    }
}
