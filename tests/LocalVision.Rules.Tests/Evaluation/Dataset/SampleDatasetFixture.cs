using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Evaluation.Dataset;

/// <summary>The shipped dataset in a temporary store, evaluated once as of the report's evaluation date.</summary>
public sealed class SampleDatasetFixture : IAsyncLifetime
{
    /// <summary>The date the reference coding is recorded at: the evaluation report's fieldwork.</summary>
    public static readonly DateOnly ReportDate = new(2015, 9, 1);

    private TempStore? _temp;

    public bool Available => File.Exists(SampleDataset.Path);

    public EvaluationEngine Engine { get; private set; } = null!;

    public IGraphStore Store => _temp!.Store;

    public IReadOnlyDictionary<string, LocalVision.Rules.Evaluation.Evaluation> Evaluations { get; private set; } =
        new Dictionary<string, LocalVision.Rules.Evaluation.Evaluation>();

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        _temp = TempStore.Create();
        await SampleDataset.LoadAsync(_temp.Store);
        Engine = new EvaluationEngine(_temp.Store);
        var all = await Engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), ReportDate, CancellationToken.None);
        Evaluations = all.ToDictionary(e => e.Initiative, StringComparer.Ordinal);
    }

    public void SkipUnlessAvailable() =>
        Assert.SkipUnless(Available,
            $"The sample dataset is not beside the tests ({SampleDataset.Path}); it comes from data/localvision.jsonl on main. Put that file in data/ and rebuild.");

    public async ValueTask DisposeAsync()
    {
        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }
}
