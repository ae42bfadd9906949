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
    : Exception($"Node `{name}` has {count} relationship(s); delete them first or ask for a cascading delete.")
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
