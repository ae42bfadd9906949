using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Store;

/// <summary>The request itself is wrong; each violation names its field.</summary>
public sealed class GraphValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("The request is invalid: " + string.Join("; ", violations.Take(5).Select(v => $"{v.Field} {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public static GraphValidationException Single(string field, string description) => new([new(field, description)]);
}

public sealed class NodeNotFoundException(string name) : Exception($"Node `{name}` does not exist.")
{
    public string Name { get; } = name;
}

/// <summary>Relationships point at nodes that neither exist nor are written in the same batch.</summary>
public sealed class MissingNodesException(IReadOnlyList<FieldViolation> missing)
    : Exception("Relationships refer to nodes that do not exist: " + string.Join("; ", missing.Take(5).Select(v => $"{v.Field} {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Missing { get; } = missing;
}

public sealed class NodeHasRelationshipsException(string name, int count)
    : Exception($"Node `{name}` has {count} {(count == 1 ? "relationship" : "relationships")}; delete {(count == 1 ? "it" : "them")} first or ask for a cascading delete.")
{
    public string Name { get; } = name;
}

/// <summary>Why a store cannot be used.</summary>
public enum StoreFault
{
    InUse,
    Corrupt,
    ReadOnly,
    DiskFull,
    Unreachable,
    Rejected,
}

/// <summary>The store cannot be used: locked by another process, unreadable, corrupt, read-only or out of space.</summary>
public sealed class GraphStoreUnavailableException(StoreFault fault, string message, Exception? inner = null) : Exception(message, inner)
{
    public StoreFault Fault { get; } = fault;
}

/// <summary>
/// A request id already names a write that another caller made, or one with other content: the earlier answer is
/// not this request's to have, and this request is not applied.
/// </summary>
public sealed class RequestIdConflictException(string message) : Exception(message);

/// <summary>
/// Nodes of a write under <see cref="ConflictPolicy.Fail"/> would change stored ones; nothing was written. Each
/// conflict names the field of the given node (<c>nodes[3].name</c>) and the stored name.
/// </summary>
public sealed class NodeConflictException(IReadOnlyList<FieldViolation> conflicts, IReadOnlyList<string> names)
    : Exception(Describe(names))
{
    public IReadOnlyList<FieldViolation> Conflicts { get; } = conflicts;

    /// <summary>The stored names, each once, in the order given.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    private static string Describe(IReadOnlyList<string> names)
    {
        var shown = string.Join(", ", names.Take(5).Select(n => $"`{n}`"));
        var more = names.Count > 5 ? $" and {names.Count - 5} more" : "";
        var subject = names.Count == 1 ? $"{shown} already exists" : $"{names.Count} nodes already exist ({shown}{more})";
        return $"{subject}, and this write would change {(names.Count == 1 ? "it" : "them")}; nothing was written. "
            + "Rename the new node, or write again replacing the stored node whole or merging into it (keeping the properties not given).";
    }
}
