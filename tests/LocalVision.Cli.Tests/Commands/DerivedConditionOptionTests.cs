using LocalVision.Cli.Commands;
using LocalVision.V1;

namespace LocalVision.Cli.Tests.Commands;

/// <summary>`--derive NAME=SOURCE[@date]:[indirect:]T1,T2,T3` into the API's DerivedCondition, and what is wrong with a bad spec.</summary>
public sealed class DerivedConditionOptionTests
{
    [Fact]
    public void NetworkMeasureWithDate_IsThatMeasureAsOfMidnightUtcWithTheDirectAnchors()
    {
        var (condition, error) = DerivedConditionOption.Read("DENSE=density@2015-01-31:0,0.1,0.3");

        Assert.Null(error);
        Assert.Equal("DENSE", condition!.Name);
        Assert.Equal(NetworkMeasureKind.PartnerNetworkDensity, condition.Network.Kind);
        Assert.Equal(new DateTime(2015, 1, 31, 0, 0, 0, DateTimeKind.Utc), condition.Network.AsOf.ToDateTime());
        Assert.Equal(CalibrationMethod.Direct, condition.Calibration.Method);
        Assert.Equal([0, 0.1, 0.3], condition.Calibration.Thresholds);
    }

    [Theory]
    [InlineData("brokerage", NetworkMeasureKind.LeadPartnerBrokerage)]
    [InlineData("partner-kinds", NetworkMeasureKind.PartnerKindCount)]
    [InlineData("Density", NetworkMeasureKind.PartnerNetworkDensity)]
    public void NetworkMeasureWithoutDate_LeavesTheDateToTheRequest(string source, NetworkMeasureKind kind)
    {
        var (condition, _) = DerivedConditionOption.Read($"X={source}:1,2,3");

        Assert.Equal(kind, condition!.Network.Kind);
        Assert.Null(condition.Network.AsOf);
    }

    [Theory]
    [InlineData("BIG=locality.population:50000,150000,400000", PropertyHolder.Locality, "population")]
    [InlineData("RICH=initiative.indicators.funding.value:1,2,3", PropertyHolder.Initiative, "indicators.funding.value")]
    public void Property_NamesItsHolderAndPath(string spec, PropertyHolder holder, string path)
    {
        var (condition, _) = DerivedConditionOption.Read(spec);

        Assert.Equal(holder, condition!.Property.Of);
        Assert.Equal(path, condition.Property.Property);
    }

    [Fact]
    public void Indirect_TakesTheGroupBoundariesAfterTheWord()
    {
        var (condition, _) = DerivedConditionOption.Read("K=partner-kinds:indirect:1.5,3.5");

        Assert.Equal(CalibrationMethod.Indirect, condition!.Calibration.Method);
        Assert.Equal([1.5, 3.5], condition.Calibration.Thresholds);
    }

    [Theory]
    [InlineData("density:0,0.1,0.3", "no NAME=")]
    [InlineData("D=density", "no :thresholds")]
    [InlineData("D=density:0,a,0.3", "`a` is not a number")]
    [InlineData("D=density@2015-02-30:0,0.1,0.3", "`2015-02-30` is not a date")]
    [InlineData("D=locality.population@2015-01-01:1,2,3", "only a network measure takes an @date")]
    [InlineData("D=densty:0,0.1,0.3", "(did you mean density?)")]
    [InlineData("D=local.population:1,2,3", "(did you mean locality.PROPERTY?)")]
    [InlineData("D=funding:1,2,3", "neither brokerage")]
    public void BadSpec_SaysWhatIsWrong(string spec, string expected)
    {
        var (condition, error) = DerivedConditionOption.Read(spec);

        Assert.Null(condition);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
