using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class SetExpressionTests
{
    [Fact]
    public void Parse_SumOfProducts_ReadsTermsAndLiterals()
    {
        var expression = SetExpression.Parse(" DEV*STB +~ ~CON + ~ IND ");

        Assert.Equal("DEV*STB + CON + ~IND", expression.ToString());
        Assert.Equal(["DEV", "STB", "CON", "IND"], expression.Names);
    }

    [Theory]
    [InlineData("", 0, "found the end")]
    [InlineData("A*", 2, "found the end")]
    [InlineData("A + * B", 4, "found `*`")]
    [InlineData("A B", 2, "found `B`")]
    [InlineData("(A)", 0, "found `(`")]
    public void Parse_NotAnExpression_SaysWhereAndWhat(string text, int position, string problem)
    {
        var error = Assert.Throws<SetExpressionSyntaxException>(() => SetExpression.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Membership_IsTheLargestTermOfTheSmallestLiterals()
    {
        var table = new CaseTable([
            new Case("a", new Dictionary<string, double> { ["A"] = 0.8, ["B"] = 0.3, ["C"] = 0.4 }),
            new Case("b", new Dictionary<string, double> { ["A"] = 0.2, ["B"] = 0.9, ["C"] = 0.1 }),
        ]);

        var membership = SetExpression.Parse("A*B + ~C").Membership(table);

        // a: max(min(0.8, 0.3), 1 - 0.4) = 0.6; b: max(min(0.2, 0.9), 1 - 0.1) = 0.9.
        Assert.Equal(0.6, membership[0], 12);
        Assert.Equal(0.9, membership[1], 12);
    }
}
