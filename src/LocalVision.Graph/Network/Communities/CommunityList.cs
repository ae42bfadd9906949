namespace LocalVision.Graph.Network;

/// <summary>
/// A partition laid out to be read in pages: communities largest first, those of equal size by their first member's
/// name, and each community's members in name order (ordinal). It holds node indices only, so it keeps no projection
/// alive; names come from a projection of the same content version (<see cref="NetworkProjection.ContentVersion"/>).
/// </summary>
public sealed class CommunityList
{
    /// <summary>Node indices, community after community.</summary>
    private readonly int[] _members;

    /// <summary>Community <c>c</c>'s members are <c>_members[_starts[c] .. _starts[c + 1]]</c>.</summary>
    private readonly int[] _starts;

    private CommunityList(int[] members, int[] starts, double modularity)
    {
        _members = members;
        _starts = starts;
        Modularity = modularity;
    }

    public int Count => _starts.Length - 1;

    /// <summary>The partition's modularity (<see cref="CommunityResult.Modularity"/>).</summary>
    public double Modularity { get; }

    public int NodeCount => _members.Length;

    /// <summary>What the list holds in memory: its two int arrays.</summary>
    public long SizeBytes => sizeof(int) * ((long)_members.Length + _starts.Length);

    /// <summary>How many members community <paramref name="community"/> (a place in this list's order) has.</summary>
    public int SizeOf(int community) => _starts[community + 1] - _starts[community];

    /// <summary>The node index of a community's <paramref name="index"/>-th member in name order.</summary>
    public int MemberOf(int community, int index) => _members[_starts[community] + index];

    /// <summary>Orders a partition of <paramref name="projection"/>'s nodes: a counting sort of the nodes in name order by community.</summary>
    public static CommunityList Of(NetworkProjection projection, CommunityResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(result);
        var byName = NodesByName(projection);
        cancellationToken.ThrowIfCancellationRequested();
        var count = result.Count;
        var sizes = new int[count];
        var firstByName = new int[count];
        Array.Fill(firstByName, -1);
        for (var rank = 0; rank < byName.Length; rank++)
        {
            var community = result.Membership[byName[rank]];
            sizes[community]++;
            if (firstByName[community] < 0)
            {
                firstByName[community] = rank;
            }
        }
        // Every community has a first member of its own, so the order is total.
        var order = new int[count];
        for (var c = 0; c < count; c++)
        {
            order[c] = c;
        }
        Array.Sort(order, (a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : firstByName[a].CompareTo(firstByName[b]));
        var starts = new int[count + 1];
        var place = new int[count];
        for (var i = 0; i < count; i++)
        {
            place[order[i]] = i;
            starts[i + 1] = starts[i] + sizes[order[i]];
        }
        var next = starts[..count];
        var members = new int[byName.Length];
        foreach (var node in byName)
        {
            members[next[place[result.Membership[node]]]++] = node;
        }
        return new CommunityList(members, starts, result.Modularity);
    }

    /// <summary>The node indices in name order; a store that reads nodes by name gives them so already, and then no sort runs.</summary>
    private static int[] NodesByName(NetworkProjection projection)
    {
        var n = projection.NodeCount;
        var nodes = new int[n];
        var sorted = true;
        for (var v = 0; v < n; v++)
        {
            nodes[v] = v;
            sorted = sorted && (v == 0 || string.CompareOrdinal(projection.NameOf(v - 1), projection.NameOf(v)) < 0);
        }
        if (!sorted)
        {
            var names = new string[n];
            for (var v = 0; v < n; v++)
            {
                names[v] = projection.NameOf(v);
            }
            Array.Sort(names, nodes, StringComparer.Ordinal);
        }
        return nodes;
    }
}
