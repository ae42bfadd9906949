using Google.Protobuf.Reflection;
using LocalVision.Server.Access;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Access;

/// <summary>The table of required roles covers the whole contract, and what is not in it is refused.</summary>
public sealed class MethodAccessTests
{
    public static TheoryData<string> ContractMethods()
    {
        var data = new TheoryData<string>();
        FileDescriptor[] files = [GraphReflection.Descriptor, AccessReflection.Descriptor, AdminReflection.Descriptor,
            EvaluationReflection.Descriptor, InsightReflection.Descriptor, NetworkReflection.Descriptor];
        foreach (var method in files.SelectMany(f => f.Services).SelectMany(s => s.Methods))
        {
            data.Add($"/{method.Service.FullName}/{method.Name}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractMethods))]
    public void Find_EveryMethodOfTheContract_HasARuleThatNeedsARole(string method)
    {
        var rule = MethodAccess.Find(method);

        Assert.NotNull(rule);
        Assert.False(rule.IsPublic);
    }

    [Fact]
    public void Find_UndeclaredMethod_IsNull()
    {
        Assert.Null(MethodAccess.Find("/localvision.v1.GraphService/DropEverything"));
    }

    [Theory]
    [InlineData("/localvision.v1.GraphService/UpsertNodes", Roles.Evaluator)]
    [InlineData("/localvision.v1.GraphService/UpsertRelationships", Roles.Evaluator)]
    [InlineData("/localvision.v1.GraphService/DeleteNode", Roles.Admin)]
    [InlineData("/localvision.v1.GraphService/ImportGraph", Roles.Admin)]
    [InlineData("/localvision.v1.AdminService/RestoreStore", Roles.Admin)]
    public void Find_Writes_AreAuditedAndNeedTheirRole(string method, Roles role)
    {
        var rule = MethodAccess.Find(method)!;

        Assert.Equal(role, rule.Required);
        Assert.True(rule.IsAudited);
    }

    [Theory]
    [InlineData(Roles.Admin, Roles.EvidenceReader, true)]
    [InlineData(Roles.Evaluator, Roles.Reader, true)]
    [InlineData(Roles.EvidenceReader, Roles.Reader, true)]
    [InlineData(Roles.Evaluator, Roles.EvidenceReader, false)]
    [InlineData(Roles.Reader, Roles.Evaluator, false)]
    [InlineData(Roles.EvidenceReader, Roles.Evaluator, false)]
    [InlineData(Roles.Evaluator | Roles.EvidenceReader, Roles.Admin, false)]
    public void Satisfies_RoleImplications(Roles held, Roles required, bool expected)
    {
        Assert.Equal(expected, RoleSet.Satisfies(held, required));
    }
}
