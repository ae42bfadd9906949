namespace LocalVision.Graph.Network;

public static partial class NetworkAnalysis
{
    /// <summary>
    /// The nodes of <paramref name="without"/> (the scope less <paramref name="removed"/>) that reached the rest of it
    /// only through <paramref name="removed"/>: the components its neighbours fall into once it is gone, less the largest
    /// of them ("the rest"; the first met, in the order of its neighbours, of equal size), by name in ordinal order.
    /// The components are the ones <paramref name="without"/>'s metrics counted, labelled once for both.
    /// </summary>
    private static IReadOnlyList<string> CutOff(NetworkProjection projection, SimpleGraph without, int removed, CancellationToken cancellationToken)
    {
        var (of, sizes) = without.Components(cancellationToken);
        var local = without.Local;
        var touched = new bool[sizes.Count];
        var largest = -1;
        foreach (var neighbour in projection.Neighbors(removed))
        {
            if (local[neighbour] < 0 || touched[of[local[neighbour]]])
            {
                continue;
            }
            var part = of[local[neighbour]];
            touched[part] = true;
            if (largest < 0 || sizes[part] > sizes[largest])
            {
                largest = part;
            }
        }
        if (largest < 0)
        {
            return [];
        }
        var names = new List<string>();
        var check = new CancellationCheck(cancellationToken);
        for (var v = 0; v < local.Length; v++)
        {
            check.Add(1);
            if (local[v] >= 0 && touched[of[local[v]]] && of[local[v]] != largest)
            {
                names.Add(projection.NameOf(v));
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
