using Grpc.Core;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>FindCases: the MinimizeTruthTable request's solution, and the typical and deviant cases to study for it.</summary>
public sealed partial class InsightApi
{
    private const int DefaultPerKindLimit = 5;
    private const int MaxPerKindLimit = 1000;

    public override async Task<FindCasesResponse> FindCases(FindCasesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        if (request.Minimization is null)
        {
            checks.Add("minimization", "is required: the MinimizeTruthTable request of the solution");
        }
        var input = Minimization(checks, request.Minimization ?? new MinimizeTruthTableRequest(), "minimization.");
        var relation = CasesMapping.Relation(request.Relation);
        if (relation is null)
        {
            checks.Add("relation", "must be SET_RELATION_SUFFICIENCY or SET_RELATION_NECESSITY");
        }
        if (request.PerKindLimit is < 0 or > MaxPerKindLimit)
        {
            checks.Add("per_kind_limit", $"must be between 0 and {MaxPerKindLimit} (0 means {DefaultPerKindLimit})");
        }
        checks.ThrowIfAny();
        var report = await studies.FindAsync(
            input.Source, input.Outcome, input.Conditions, input.Table, input.Options, relation!.Value, request.Term,
            request.PerKindLimit == 0 ? DefaultPerKindLimit : request.PerKindLimit, context.CancellationToken);
        return CasesMapping.ToProto(report);
    }
}
