using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// EvaluateTheory through a real channel (and over JSON): a hand-built fuzzy table whose four intersections are worked
/// out by hand, the shipped graph with a programme-theory rule, each refusal, the role it needs, and the partition.
/// </summary>
public sealed class EvaluateTheoryTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Eight cases over A, B, C and Y. With inclusion 0.8 the positive rows are 110 (c1, c8 partly: 1.1/1.2), 111
    /// (c2: 1.6/1.8), 011 (c3) and 101 (c7); 100, 001 and 000 are negative. The conservative solution is therefore
    /// A*B + A*C + B*C, each term essential.
    /// </summary>
    private static MinimizeTruthTableRequest HandBuilt()
    {
        (string Name, double A, double B, double C, double Y)[] rows =
        [
            ("c1", 0.8, 0.9, 0.2, 0.7), ("c2", 1, 1, 1, 1), ("c3", 0, 1, 1, 1), ("c4", 1, 0, 0, 0),
            ("c5", 0, 0, 1, 0), ("c6", 0, 0, 0, 0), ("c7", 1, 0, 1, 1), ("c8", 0.9, 0.7, 0.6, 0.4),
        ];
        var request = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 0.8, SolutionType = SolutionType.Conservative, CaseTable = new CaseTable() };
        foreach (var (name, a, b, c, y) in rows)
        {
            request.CaseTable.Cases.Add(new Case { Name = name, Memberships = { ["A"] = a, ["B"] = b, ["C"] = c, ["Y"] = y } });
        }
        request.Conditions.AddRange(["A", "B", "C"]);
        return request;
    }

    [Fact]
    public async Task EvaluateTheory_HandBuiltTable_IntersectionsAndFitAsWorkedOutByHand()
    {
        var response = await Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = " A " }, cancellationToken: Ct);

        Assert.Equal("A", response.Theory);
        Assert.Equal("M1", response.Model);
        Assert.Equal(["A*B", "A*C", "B*C"], response.Solution.Split(" + ").Order(StringComparer.Ordinal));
        Assert.Equal(8, response.CaseCount);
        Assert.Equal(["T*S", "~T*S", "T*~S", "~T*~S"], response.Intersections.Select(i => i.Label));
        // S per case: c1 max(0.8, 0.2, 0.2) = 0.8, c8 max(0.7, 0.6, 0.6) = 0.7, c4/c5/c6 0, the others 1.
        Assert.Equal([["c1", "c2", "c7", "c8"], ["c3"], ["c4"], ["c5", "c6"]], response.Intersections.Select(i => i.Members.Select(m => m.Name).ToArray()));
        Assert.All(response.Intersections.SelectMany(i => i.Members), m => Assert.Equal(m.Name, m.DisplayName));
        Assert.Equal([["c1", "c2", "c7"], ["c3"], [], []], response.Intersections.Select(i => i.CasesInOutcome.ToArray()));
        Assert.Equal([["c8"], [], ["c4"], ["c5", "c6"]], response.Intersections.Select(i => i.CasesOutOfOutcome.ToArray()));
        // ΣY = 0.7 + 1 + 1 + 1 + 0.4 = 4.1.
        // T*S = min(A, S): 0.8, 1, 0, 0, 0, 0, 1, 0.7 (Σ 3.5); Σmin with Y = 0.7 + 1 + 1 + 0.4 = 3.1.
        Assert.Equal(3.1 / 3.5, response.Intersections[0].Consistency, 12);
        Assert.Equal(3.1 / 4.1, response.Intersections[0].Coverage, 12);
        // ~T*S: c1 0.2, c3 1, c8 0.1 (Σ 1.3), each at most its Y.
        Assert.Equal(1.0, response.Intersections[1].Consistency, 12);
        Assert.Equal(1.3 / 4.1, response.Intersections[1].Coverage, 12);
        // T*~S: c1 0.2 (Y 0.7), c4 1 (Y 0), c8 0.3 (Y 0.4): Σ 1.5, Σmin 0.5.
        Assert.Equal(0.5 / 1.5, response.Intersections[2].Consistency, 12);
        // ~T*~S: c1 0.2, c5 1, c6 1, c8 0.1: Σ 2.3, Σmin 0.2 + 0.1 = 0.3.
        Assert.Equal(0.3 / 2.3, response.Intersections[3].Consistency, 12);
        Assert.Contains("4 case(s), 3 of them with the outcome", response.Intersections[0].Reading);
    }

    [Fact]
    public async Task EvaluateTheory_ModelNamed_ComparesThatModelAndRefusesOneTheSolutionHasNot()
    {
        // Row 11 holds a (min 0.7, Y 0.8) and b partly (0.2, Y 0.1): 0.8/0.9, positive; row 00 (b 0.6, a 0.1) is negative;
        // 10 and 01 are remainders, so the parsimonious solution has two models, A and B.
        MinimizeTruthTableRequest Request()
        {
            var request = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 0.8, SolutionType = SolutionType.Parsimonious, CaseTable = new CaseTable() };
            request.CaseTable.Cases.Add(new Case { Name = "a", Memberships = { ["A"] = 0.9, ["B"] = 0.7, ["Y"] = 0.8 } });
            request.CaseTable.Cases.Add(new Case { Name = "b", Memberships = { ["A"] = 0.2, ["B"] = 0.4, ["Y"] = 0.1 } });
            request.Conditions.AddRange(["A", "B"]);
            return request;
        }

        var second = await Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = Request(), Theory = "A", Model = "M2" }, cancellationToken: Ct);
        var first = await Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = Request(), Theory = "A" }, cancellationToken: Ct);

        Assert.Equal(("M1", "A"), (first.Model, first.Solution));
        Assert.Equal(("M2", "B"), (second.Model, second.Solution));
        Assert.Contains(first.Warnings, w => w.Contains("2 equally minimal models"));
        // T*S with S = A is A: 0.9, 0.2 against Y 0.8, 0.1: 0.9/1.1; with S = B it is min(A, B): 0.7, 0.2: 0.8/0.9.
        Assert.Equal(0.9 / 1.1, first.Intersections[0].Consistency, 12);
        Assert.Equal(0.8 / 0.9, second.Intersections[0].Consistency, 12);
        var missing = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = Request(), Theory = "A", Model = "M3" }, cancellationToken: Ct));
        var malformed = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = Request(), Theory = "A", Model = "second" }, cancellationToken: Ct));
        Assert.Contains("M1 to M2", Assert.Single(RpcAssert.FieldViolations(missing)).Description);
        Assert.Equal("model", Assert.Single(RpcAssert.FieldViolations(malformed)).Field);
    }

    [Fact]
    public async Task EvaluateTheory_ShippedGraphWithARule_ReadsTheRulesContextAgainstTheSolution()
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM", SolutionType = SolutionType.Conservative };
        minimization.Conditions.AddRange(["SENIOR_ENGAGEMENT_EARLY", "DEDICATED_SUPPORT"]);

        var response = await Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = minimization, Rule = "SENIOR_EARLY" }, cancellationToken: Ct);
        var solution = await Client.MinimizeTruthTableAsync(minimization, cancellationToken: Ct);

        Assert.Equal("SENIOR_ENGAGEMENT_EARLY", response.Theory);
        Assert.Equal(solution.Models.FirstOrDefault()?.Expression ?? "", response.Solution);
        Assert.Equal(solution.CaseCount, response.CaseCount);
        Assert.Equal(solution.Excluded.Select(e => e.Name), response.Excluded.Select(e => e.Name));
        var members = response.Intersections.SelectMany(i => i.Members).ToList();
        Assert.NotEmpty(members);
        Assert.Equal(members.Count, members.Select(m => m.Name).Distinct().Count());
        Assert.True(members.Count <= response.CaseCount);
        // Over the graph a case is an initiative: its id and its display name.
        Assert.All(members, m => Assert.StartsWith("initiatives/", m.Name));
        Assert.All(members, m => Assert.NotEqual(m.Name, m.DisplayName));
    }

    [Fact]
    public async Task EvaluateTheory_RuleReadingAConditionNotMinimised_IsFailedPreconditionNamingIt()
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" };
        minimization.Conditions.Add("SENIOR_ENGAGEMENT_EARLY");

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = minimization, Rule = "MOU_YARDSTICK" }, cancellationToken: Ct));

        Assert.Contains("MOU_AGREED", error.Status.Detail);
    }

    [Fact]
    public async Task EvaluateTheory_UnknownRule_IsNotFoundWithTheNearest()
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" };
        minimization.Conditions.Add("SENIOR_ENGAGEMENT_EARLY");

        var error = await RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = minimization, Rule = "SENIOR_ERLY" }, cancellationToken: Ct));

        Assert.Contains("did you mean `SENIOR_EARLY`", error.Status.Detail);
    }

    [Theory]
    [InlineData("A*", 3)]
    [InlineData("A + * B", 5)]
    [InlineData("A ~B", 3)]
    public async Task EvaluateTheory_UnparsableTheory_IsInvalidArgumentOnTheoryWithThePosition(string theory, int position)
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = theory }, cancellationToken: Ct));

        var violation = Assert.Single(RpcAssert.FieldViolations(error));
        Assert.Equal("theory", violation.Field);
        Assert.Contains($"at position {position}:", violation.Description);
    }

    [Fact]
    public async Task EvaluateTheory_TheoryNamingAnotherSet_IsInvalidArgumentWithDidYouMean()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = "A*b + D" }, cancellationToken: Ct));

        var violations = RpcAssert.FieldViolations(error);
        Assert.All(violations, v => Assert.Equal("theory", v.Field));
        Assert.Contains(violations, v => v.Description.Contains("`b`") && v.Description.Contains("did you mean `B`?"));
        Assert.Contains(violations, v => v.Description.Contains("`D`"));
    }

    [Fact]
    public async Task EvaluateTheory_BothOrNeitherOfTheoryAndRule_OrNoMinimization_IsInvalidArgument()
    {
        var both = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = "A", Rule = "FOCUSED" }, cancellationToken: Ct));
        var neither = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = "  " }, cancellationToken: Ct));
        var none = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Theory = "A" }, cancellationToken: Ct));

        Assert.Contains("exactly one", Assert.Single(RpcAssert.FieldViolations(both)).Description);
        Assert.Equal("theory", Assert.Single(RpcAssert.FieldViolations(neither)).Field);
        RpcAssert.HasViolation(none, "minimization");
        RpcAssert.HasViolation(none, "minimization.conditions");
    }

    [Fact]
    public async Task EvaluateTheory_Json_AnswersOnTheWebPort()
    {
        var request = new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = "~A*B" };

        using var response = await _http.PostAsync("/v1/truthTables:evaluateTheory",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json"), Ct);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("~A*B", body.GetProperty("theory").GetString());
        // ~A*B above 0.5: only c3, which the solution holds (B*C) and which is in Y.
        var first = body.GetProperty("intersections")[0];
        Assert.Equal("T*S", first.GetProperty("label").GetString());
        Assert.Equal(["c3"], first.GetProperty("casesInOutcome").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task EvaluateTheory_NeedsAReaderKeyOnceKeysExist()
    {
        Assert.Equal(Roles.Reader, MethodAccess.Find("/localvision.v1.InsightService/EvaluateTheory")!.Required);
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["reader"] = Roles.Reader });
        var request = new EvaluateTheoryRequest { Minimization = HandBuilt(), Theory = "A" };

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => new InsightService.InsightServiceClient(server.Channel).EvaluateTheoryAsync(request, cancellationToken: Ct));
        var response = await new InsightService.InsightServiceClient(server.As("reader")).EvaluateTheoryAsync(request, cancellationToken: Ct);

        Assert.Equal(4, response.Intersections.Count);
    }

    [Fact]
    public async Task EvaluateTheory_RandomTables_TheFourIntersectionsPartitionTheCasesAwayFromTheCrossover()
    {
        var random = new Random(13);
        double[] levels = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
        string[] theories = ["A", "~A*B", "A*~C + B*C", "~B + ~C", "A*B*C"];
        var compared = 0;
        for (var run = 0; run < 25; run++)
        {
            var request = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 0.75, SolutionType = SolutionType.Conservative, CaseTable = new CaseTable() };
            request.Conditions.AddRange(["A", "B", "C"]);
            var n = random.Next(4, 16);
            var awayFromCrossover = new List<string>();
            for (var c = 0; c < n; c++)
            {
                var @case = new Case { Name = $"case{c}" };
                foreach (var set in new[] { "A", "B", "C", "Y" })
                {
                    @case.Memberships[set] = levels[random.Next(levels.Length)];
                }
                if (new[] { "A", "B", "C" }.All(s => @case.Memberships[s] != 0.5))
                {
                    awayFromCrossover.Add(@case.Name);
                }
                request.CaseTable.Cases.Add(@case);
            }
            var theory = theories[run % theories.Length];

            EvaluateTheoryResponse response;
            try
            {
                response = await Client.EvaluateTheoryAsync(new EvaluateTheoryRequest { Minimization = request, Theory = theory }, cancellationToken: Ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                continue; // No negative row: the minimisation is refused, so there is no solution to compare with.
            }

            compared++;
            var members = response.Intersections.SelectMany(i => i.Members.Select(m => m.Name)).ToList();
            // No case is in two intersections, and a case is in one exactly when neither its membership in the theory
            // nor in the solution is 0.5 (a case at 0.5 in either is at most 0.5 in every intersection).
            var decided = request.CaseTable.Cases
                .Where(c => Membership(theory, c) != 0.5 && (response.Solution.Length == 0 ? 0 : Membership(response.Solution, c)) != 0.5)
                .Select(c => c.Name);
            Assert.Equal(members.Count, members.Distinct().Count());
            Assert.Equal(decided.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
            Assert.Superset(awayFromCrossover.ToHashSet(), members.ToHashSet());
            Assert.All(response.Intersections, i => Assert.Equal(i.Members.Count, i.CasesInOutcome.Count + i.CasesOutOfOutcome.Count
                + i.Members.Count(m => request.CaseTable.Cases.Single(c => c.Name == m.Name).Memberships["Y"] == 0.5)));
        }
        Assert.True(compared >= 10, $"only {compared} of 25 random tables had a solution to compare with");
    }

    /// <summary>A case's membership in a sum of products, worked out here apart from the server's parser.</summary>
    private static double Membership(string expression, Case @case) =>
        expression.Split('+').Max(term => term.Split('*').Min(literal =>
        {
            var name = literal.Trim();
            return name.StartsWith('~') ? 1 - @case.Memberships[name[1..]] : @case.Memberships[name];
        }));
}
