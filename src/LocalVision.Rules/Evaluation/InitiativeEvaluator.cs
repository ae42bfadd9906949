using LocalVision.Rules.Evaluation.Assessment;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Outlook;
using NRules;

namespace LocalVision.Rules.Evaluation;

/// <summary>Runs the rules over projected facts: one session per initiative, many initiatives in parallel.</summary>
public sealed class InitiativeEvaluator
{
    /// <exception cref="LocalVision.Graph.Store.GraphValidationException">The options are out of range.</exception>
    public InitiativeEvaluator(CompiledTheory theory, EvaluationOptions options)
    {
        options.Validate();
        Theory = theory;
        Options = options;
    }

    /// <summary>The shipped theory with the given options (the defaults when null).</summary>
    public static InitiativeEvaluator Create(EvaluationOptions? options = null) => new(CompiledTheory.Shipped, options ?? EvaluationOptions.Default);

    public EvaluationOptions Options { get; }

    /// <summary>The version of the programme theory the evaluator runs.</summary>
    public CompiledTheory Theory { get; }

    /// <summary>The same options under another version of the theory.</summary>
    public InitiativeEvaluator Under(CompiledTheory theory) => ReferenceEquals(theory, Theory) ? this : new(theory, Options);

    /// <summary>Evaluates one initiative's facts in a fresh session; before its start, says so and runs no rule.</summary>
    public Evaluation Evaluate(InitiativeFacts facts, CancellationToken cancellationToken)
    {
        var initiative = facts.Initiative;
        if (initiative.Start is { } start && start > facts.AsOf)
        {
            return new Evaluation(initiative.Name, initiative.DisplayName, facts.Scope, EvaluationStatus.NotStarted, [], [],
                MomentumOutlook.NotStarted(initiative.Name, start), []) { TheoryVersion = Theory.Version };
        }
        var session = Theory.Factory.CreateSession();
        session.Insert(new EvaluationSettings(facts.Scope, Options));
        session.InsertAll(facts.All());
        session.Fire(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Collect(session, facts);
    }

    /// <summary>Projects an initiative from a reader and evaluates it.</summary>
    /// <exception cref="LocalVision.Graph.Store.GraphValidationException">The name does not name an initiative.</exception>
    /// <exception cref="LocalVision.Graph.Store.NodeNotFoundException">There is no such initiative.</exception>
    public async Task<Evaluation> EvaluateAsync(IGraphReader reader, string initiative, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var facts = await FactProjection.ProjectAsync(reader, initiative, scope, cancellationToken);
        return Evaluate(facts, cancellationToken);
    }

    /// <summary>
    /// Evaluates many initiatives, at most one per core at a time, and returns them in the order asked. Sessions
    /// share nothing, so the work is limited only by the cores.
    /// </summary>
    public async Task<IReadOnlyList<Evaluation>> EvaluateManyAsync(
        IGraphReader reader, IReadOnlyList<string> initiatives, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var results = new Evaluation[initiatives.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, initiatives.Count), parallel, async (i, ct) =>
        {
            results[i] = await EvaluateAsync(reader, initiatives[i], scope, ct);
        });
        return results;
    }

    /// <summary>
    /// The facts of a type in the session's memory. <see cref="ISession.Query{TFact}"/> is an <c>IQueryable</c>: every
    /// LINQ operator on it would compile an expression tree (milliseconds each), so it is read as a plain sequence.
    /// </summary>
    private static IEnumerable<T> Facts<T>(ISession session) => session.Query<T>().AsEnumerable();

    private Evaluation Collect(ISession session, InitiativeFacts facts)
    {
        var initiative = facts.Initiative;
        var findings = Facts<Finding>(session)
            .Where(f => f.Initiative == initiative.Name)
            .OrderBy(f => f.Order)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        var outlook = Facts<MomentumOutlook>(session).Single(o => o.Initiative == initiative.Name);
        var conditions = Facts<Condition>(session)
            .Where(c => c.Initiative == initiative.Name)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var byCode = conditions.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var status = initiative.Start is null ? EvaluationStatus.Undated
            : initiative.End is { } end && end <= facts.AsOf ? EvaluationStatus.Ended
            : EvaluationStatus.Running;
        var notAssessed = UnassessedIngredient.Of(Theory.InUse, byCode, facts.Scope.Describe());
        return new Evaluation(initiative.Name, initiative.DisplayName, facts.Scope, status, findings, notAssessed, outlook, conditions)
        {
            TheoryVersion = Theory.Version,
        };
    }
}
