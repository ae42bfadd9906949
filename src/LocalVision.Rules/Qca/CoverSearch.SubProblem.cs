namespace LocalVision.Rules.Qca;

/// <summary>The memo of the cover search: a (sub)problem by its columns and open classes, and what solving it gave.</summary>
internal sealed partial class CoverSearch
{
    private readonly record struct SubProblem(BitSet Columns, BitSet Open);

    /// <summary>The optimal weight of a (sub)problem and its optimal covers, long.MaxValue when it has none.</summary>
    private sealed class SubResult(long best, List<int[]> covers, bool truncated)
    {
        public long Best { get; } = best;

        public List<int[]> Covers { get; } = covers;

        public bool Truncated { get; set; } = truncated;

        public bool Full(int cap) => Covers.Count >= cap;

        public void Add(IEnumerable<int> cover, int cap)
        {
            if (Covers.Count >= cap)
            {
                Truncated = true;
                return;
            }

            Covers.Add([.. cover]);
        }
    }
}
