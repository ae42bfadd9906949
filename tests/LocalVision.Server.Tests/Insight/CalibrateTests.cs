using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>InsightService.Calibrate through a real channel: given values, a locality indicator, a case table column, and refusals.</summary>
public sealed class CalibrateTests(SeededServerFixture fixture)
{
    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calibrate_DirectByDefault_UsesRsInclusionMembershipAndSaysSo()
    {
        var request = new CalibrateRequest();
        request.Values.AddRange([2500, 5000, 20000, 11988]);
        request.Thresholds.AddRange([2500, 5000, 20000]);

        var response = await Client.CalibrateAsync(request, cancellationToken: Ct);

        Assert.Equal(0.95, response.InclusionMembership);
        Assert.Equal([0.05, 0.5, 0.95, 0.797657253259], response.Memberships.Select(m => Math.Round(m, 12)));
    }

    [Fact]
    public async Task Calibrate_FsQcaInclusionMembership_GivesLogOddsThreeAtTheAnchor()
    {
        var request = new CalibrateRequest { InclusionMembership = 0.9525741268224334 };
        request.Values.Add(20000);
        request.Thresholds.AddRange([2500, 5000, 20000]);

        var response = await Client.CalibrateAsync(request, cancellationToken: Ct);

        Assert.Equal(0.9525741268224334, Assert.Single(response.Memberships), 12);
    }

    [Fact]
    public async Task Calibrate_LocalityIndicator_NamesEachLocalityAndLeavesOutThoseWithoutIt()
    {
        var request = new CalibrateRequest { Label = "Locality", Property = "population" };
        request.Thresholds.AddRange([150000, 300000, 1000000]);

        var response = await Client.CalibrateAsync(request, cancellationToken: Ct);

        Assert.Equal(response.Names.Count, response.Memberships.Count);
        Assert.Contains("localities/plymouth", response.Names);
        var plymouth = response.Names.IndexOf("localities/plymouth");
        Assert.Equal(259000, response.Values[plymouth]);
        Assert.All(response.Memberships, m => Assert.InRange(m, 0, 1));
        Assert.Contains(response.Warnings, w => w.Contains("no number for `population`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calibrate_CaseTableColumnIndirect_GivesOneMembershipPerCase()
    {
        var table = new CaseTable();
        for (var i = 0; i < 8; i++)
        {
            table.Cases.Add(new Case { Name = $"c{i}", Memberships = { ["SIZE"] = i * 10 } });
        }
        var request = new CalibrateRequest { CaseTable = table, Column = "SIZE", Method = CalibrationMethod.Indirect };
        request.Thresholds.AddRange([25, 45]);

        var response = await Client.CalibrateAsync(request, cancellationToken: Ct);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"c{i}"), response.Names);
        Assert.Equal(response.Memberships.Order(), response.Memberships);
    }

    [Fact]
    public async Task Calibrate_TwoSourcesAndTwoThresholds_IsInvalidArgument()
    {
        var request = new CalibrateRequest { Label = "Locality", Property = "population" };
        request.Values.Add(1);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.CalibrateAsync(request, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "values");

        var direct = new CalibrateRequest();
        direct.Values.Add(1);
        direct.Thresholds.AddRange([1, 2]);
        error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.CalibrateAsync(direct, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "thresholds");
    }
}
