using System.Collections.Concurrent;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;
using LocalVision.Rules.Evaluation.Catalogue;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// The versions of the programme theory a store keeps, compiled when first used: the current one for evaluations,
/// older ones when asked by number, and changes made by evaluators. While nothing is stored the theory is the shipped
/// one, version 1; the first change stores version 1 as shipped, then itself as version 2.
/// </summary>
public sealed class ProgrammeTheories(IGraphStore store)
{
    private readonly ITheoryHistory? _history = store as ITheoryHistory;
    private readonly ConcurrentDictionary<string, Lazy<CompiledTheory>> _compiled = new(StringComparer.Ordinal);
    private Current? _current;

    /// <summary>The current version, read again only when the store's version moves.</summary>
    public async Task<TheoryVersion> CurrentAsync(CancellationToken cancellationToken)
    {
        var storeVersion = await store.GetVersionAsync(cancellationToken);
        if (Volatile.Read(ref _current) is { } cached && cached.StoreVersion == storeVersion)
        {
            return cached.Theory;
        }
        var record = _history is null ? null : await _history.GetCurrentTheoryAsync(cancellationToken);
        var theory = record is null ? TheoryVersion.Shipped : TheoryVersion.Of(record);
        Volatile.Write(ref _current, new Current(storeVersion, theory));
        return theory;
    }

    /// <summary>A version by number; the current one when <paramref name="version"/> is empty.</summary>
    /// <exception cref="TheoryVersionNotFoundException">There is no such version.</exception>
    public async Task<TheoryVersion> GetAsync(string? version, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (string.IsNullOrEmpty(version) || version == current.Version)
        {
            return current;
        }
        if (_history is not null && await _history.GetTheoryVersionAsync(version, cancellationToken) is { } record)
        {
            return TheoryVersion.Of(record);
        }
        return version == CompiledTheory.InitialVersion && current.Version == CompiledTheory.InitialVersion
            ? TheoryVersion.Shipped
            : throw new TheoryVersionNotFoundException(version, current.Version);
    }

    /// <summary>Every version, oldest first, with its note: the refinement log.</summary>
    public async Task<IReadOnlyList<TheoryVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = _history is null ? [] : await _history.ListTheoryVersionsAsync(cancellationToken);
        return stored.Count == 0 ? [TheoryVersion.Shipped] : stored.Select(TheoryVersion.Of).ToList();
    }

    /// <summary>A version compiled with the derivation rules, once per process.</summary>
    public CompiledTheory Compile(TheoryVersion theory) =>
        theory.Version == CompiledTheory.InitialVersion && ReferenceEquals(theory.Rules, ShippedTheory.Rules)
            ? CompiledTheory.Shipped
            : _compiled.GetOrAdd(theory.Version, _ => new Lazy<CompiledTheory>(() => CompiledTheory.Compile(theory.Version, theory.Rules))).Value;

    /// <summary>
    /// Adds or replaces rules (by id) and removes others, giving the next version; with <paramref name="validateOnly"/>
    /// it is checked and compiled but not stored. Rules keep their place; new ones come last.
    /// </summary>
    /// <param name="text">Rules in the rule language (YAML or JSON), to add or to replace those of the same id; may be empty.</param>
    /// <param name="expectedVersion">When given, the change is made only if this is still the current version.</param>
    /// <exception cref="GraphValidationException">The text, a removal or the note is invalid, or the result does not compile; nothing changed.</exception>
    /// <exception cref="TheoryConflictException">Another change was stored meanwhile, or the current version is not <paramref name="expectedVersion"/>; nothing changed.</exception>
    public async Task<(TheoryVersion Before, TheoryVersion After)> ChangeAsync(
        string text, IReadOnlyList<string> removeRules, string note, string author, bool validateOnly, string? expectedVersion,
        CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(note))
        {
            violations.Add(new FieldViolation("note", "say why the theory changes, e.g. \"refined after the West Cheshire deviant case\""));
        }
        var proposal = await BuildAsync(text, removeRules, violations, ChangeFields, cancellationToken);
        var before = proposal.Before;
        if (!string.IsNullOrEmpty(expectedVersion) && expectedVersion != before.Version)
        {
            throw new TheoryConflictException(expectedVersion, before.Version);
        }
        var after = proposal.After with { Note = note.Trim(), Author = author };
        if (validateOnly)
        {
            return (before, after);
        }
        if (_history is null)
        {
            throw new GraphValidationException([new FieldViolation("validate_only", "this store keeps no theory history; only validate_only changes are possible")]);
        }
        var expected = before.CreateTime is null ? null : before.Version;
        if (expected is null)
        {
            await _history.AppendTheoryVersionAsync(null, ShippedTheory.Text, TheoryVersion.ShippedNote, TheoryVersion.ShippedAuthor, cancellationToken);
            expected = CompiledTheory.InitialVersion;
        }
        var record = await _history.AppendTheoryVersionAsync(expected, after.Text, after.Note, author, cancellationToken);
        _compiled.TryAdd(record.Version, new Lazy<CompiledTheory>(proposal.Compiled));
        return (before, TheoryVersion.Of(record));
    }

    /// <summary>
    /// The version a change would make of the current one, checked and compiled, stored nowhere and cached nowhere:
    /// what a comparison of a proposed change evaluates. Its violations name <paramref name="fields"/>.
    /// </summary>
    /// <exception cref="GraphValidationException">The text or a removal is invalid, or the result does not compile.</exception>
    public Task<TheoryProposal> ProposeAsync(string text, IReadOnlyList<string> removeRules, ProposalFields fields, CancellationToken cancellationToken) =>
        BuildAsync(text, removeRules, [], fields, cancellationToken);

    private async Task<TheoryProposal> BuildAsync(
        string text, IReadOnlyList<string> removeRules, List<FieldViolation> violations, ProposalFields fields, CancellationToken cancellationToken)
    {
        IReadOnlyList<CmoRuleDefinition> changed = [];
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                changed = TheoryReader.Read(text);
            }
            catch (GraphValidationException e)
            {
                violations.AddRange(e.Violations.Select(v => v with { Field = v.Field == "yaml" ? fields.Yaml : fields.Yaml + "." + v.Field }));
            }
        }
        var before = await CurrentAsync(cancellationToken);
        var ids = before.Rules.Select(r => r.Id).ToList();
        for (var i = 0; i < removeRules.Count; i++)
        {
            if (!ids.Contains(removeRules[i]))
            {
                violations.Add(new FieldViolation($"{fields.RemoveRules}[{i}]",
                    $"`{removeRules[i]}` is not a rule of version {before.Version}{ClosestName.Suggestion(removeRules[i], ids)}"));
            }
            else if (changed.Any(r => r.Id == removeRules[i]))
            {
                violations.Add(new FieldViolation($"{fields.RemoveRules}[{i}]", $"`{removeRules[i]}` is both replaced and removed"));
            }
        }
        if (changed.Count == 0 && removeRules.Count == 0 && violations.Count == 0)
        {
            violations.Add(new FieldViolation(fields.Yaml, "give rules to add or replace, or rules to remove"));
        }
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations.Take(TheoryReader.MaxViolations).ToList());
        }
        var byId = changed.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rules = before.Rules.Where(r => !removeRules.Contains(r.Id)).Select(r => byId.GetValueOrDefault(r.Id) ?? r)
            .Concat(changed.Where(r => !ids.Contains(r.Id)))
            .ToList();
        var next = (long.Parse(before.Version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var after = new TheoryVersion(next, TheoryWriter.Write(rules, Header), rules, "", "", null);
        return new TheoryProposal(before, after, CompiledTheory.Compile(next, rules));
    }

    private static readonly ProposalFields ChangeFields = new("yaml", "remove_rules");

    private sealed record Current(long StoreVersion, TheoryVersion Theory);

    private const string Header = "LocalVision's programme theory, as changed by an evaluator. The rule language: docs/theory.md.";
}

