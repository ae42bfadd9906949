using System.Text.RegularExpressions;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// Reads a programme theory written in the rule language (YAML, or JSON, which YAML reads too) into rule definitions, and
/// refuses anything that would not compile with every mistake it finds: each violation names the field by its path
/// (<c>rules[3].when[1].code</c>) and the line, and suggests the name meant where one is close.
/// </summary>
/// <remarks>
/// This file reads the language's structure (a rule, its terms, subjects, codes and placeholders);
/// <c>TheoryReader.Values.cs</c> reads the YAML values they are made of (keys, scalars, lists, numbers, enums).
/// </remarks>
public static partial class TheoryReader
{
    /// <summary>Enough to fix a file in one pass without an unbounded error.</summary>
    public const int MaxViolations = 20;

    private static readonly string[] RuleKeys =
    [
        "id", "title", "sections", "polarity", "status", "weight", "weight_reason", "when", "subjects", "per", "mechanism",
        "outcome", "explain", "also_cites", "parameters", "note", "lists_unassessed",
    ];

    private static readonly string[] TermKeys = ["code", "is", "at_least", "effect_any_of", "effect_none_of"];
    private static readonly string[] SubjectKeys = ["name", "description", "when"];
    private static readonly string[] Effects = ["COMPLEMENTS", "DISTRACTS", "MIXED"];
    private static readonly string[] Forms = ["contested_outcome"];

    /// <summary>The rules of a theory, in the order written.</summary>
    /// <exception cref="GraphValidationException">The text is not a valid theory; nothing of it is returned.</exception>
    public static IReadOnlyList<CmoRuleDefinition> Read(string text)
    {
        var reading = new Reading();
        var rules = reading.Document(text);
        if (reading.Violations.Count > 0)
        {
            throw new GraphValidationException(reading.Violations.Take(MaxViolations).ToList());
        }
        return rules;
    }

    private sealed partial class Reading
    {
        public List<FieldViolation> Violations { get; } = [];

        public List<CmoRuleDefinition> Document(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                Violations.Add(new FieldViolation("yaml", $"line {e.Start.Line}: not YAML or JSON: {e.Message}"));
                return [];
            }
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Violations.Add(new FieldViolation("yaml", "a theory is one document, a mapping with a `rules` list"));
                return [];
            }
            Keys(root, "", ["rules"]);
            if (Child(root, "rules") is not YamlSequenceNode list)
            {
                Fail("rules", root, "a theory needs a `rules` list");
                return [];
            }
            var rules = new List<CmoRuleDefinition>();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var path = $"rules[{i}]";
                if (list.Children[i] is not YamlMappingNode node)
                {
                    Fail(path, list.Children[i], "a rule is a mapping of its fields");
                    continue;
                }
                var rule = Rule(node, path);
                if (rule is null)
                {
                    continue;
                }
                if (ids.TryGetValue(rule.Id, out var first))
                {
                    Fail(path + ".id", Child(node, "id")!, $"`{rule.Id}` is already the id of {first}");
                    continue;
                }
                ids[rule.Id] = path;
                rules.Add(rule);
            }
            return rules;
        }

        private CmoRuleDefinition? Rule(YamlMappingNode node, string path)
        {
            var before = Violations.Count;
            Keys(node, path, RuleKeys);
            var id = Required(node, path, "id");
            if (id is not null && !RuleId().IsMatch(id))
            {
                Fail(path + ".id", Child(node, "id")!, $"`{id}` is not a rule id: capitals, digits and underscores, starting with a capital");
            }
            var title = Required(node, path, "title");
            var sections = Strings(node, path, "sections", required: true);
            foreach (var (section, i) in sections.Select((s, i) => (s, i)))
            {
                if (!SectionNumber().IsMatch(section))
                {
                    Fail($"{path}.sections[{i}]", Child(node, "sections")!, $"`{section}` is not a report section such as 7.3.3");
                }
            }
            var polarity = Enum<Polarity>(node, path, "polarity", null);
            var status = Enum<RuleStatus>(node, path, "status", RuleStatus.Initial);
            var weight = Number(node, path, "weight");
            if (weight is < 0)
            {
                Fail(path + ".weight", Child(node, "weight")!, "a weight is not negative: a risk's weight is taken from the outlook");
            }
            if (polarity == Polarity.Caution && weight is > 0)
            {
                Fail(path + ".weight", Child(node, "weight")!, "a CAUTION is never scored: leave out its weight or make it 0");
            }
            var form = Scalar(node, path, "per") is { } per ? FormOf(per, path, Child(node, "per")!) : RuleForm.Context;
            var context = Child(node, "when") is { } when ? Terms(when, path + ".when") : [];
            var subjects = Child(node, "subjects") is { } subjectsNode ? Subjects(subjectsNode, path + ".subjects") : [];
            if (form == RuleForm.Context && context.Count == 0 && subjects.Count == 0)
            {
                Fail(path + ".when", node, "a rule needs a context: `when` with at least one condition (or `subjects`, each with its own)");
            }
            if (form == RuleForm.Context && context.Count > 0 && subjects.Count > 0)
            {
                Fail(path + ".subjects", Child(node, "subjects")!, "give either `when` or `subjects`, each subject with its own `when`");
            }
            if (form != RuleForm.Context && (context.Count > 0 || subjects.Count > 0))
            {
                Fail(path + ".per", Child(node, "per")!, "a rule that fires per contested outcome has no `when` or `subjects`");
            }
            var mechanism = Code(node, path, "mechanism", CodeKind.Mechanism);
            var outcome = Code(node, path, "outcome", CodeKind.Outcome);
            var alsoCites = Strings(node, path, "also_cites", required: false);
            foreach (var (code, i) in alsoCites.Select((c, i) => (c, i)))
            {
                CheckCode(code, $"{path}.also_cites[{i}]", Child(node, "also_cites")!);
            }
            var parameters = Strings(node, path, "parameters", required: false);
            foreach (var (parameter, i) in parameters.Select((p, i) => (p, i)))
            {
                if (!RuleCatalogue.ParameterNames.Contains(parameter))
                {
                    Fail($"{path}.parameters[{i}]", Child(node, "parameters")!,
                        $"`{parameter}` is not an evaluation parameter{ClosestName.Suggestion(parameter, RuleCatalogue.ParameterNames)}");
                }
            }
            var explain = Required(node, path, "explain");
            var read = context.Concat(subjects.SelectMany(s => s.Context)).Select(t => t.Code).Concat(alsoCites)
                .Concat(mechanism is null ? [] : [mechanism]).ToHashSet(StringComparer.Ordinal);
            if (explain is not null)
            {
                Placeholders(explain, path + ".explain", Child(node, "explain")!, form, subjects.Count > 0, read);
            }
            var listsUnassessed = Boolean(node, path, "lists_unassessed", form == RuleForm.Context);
            if (Violations.Count > before || id is null || title is null || explain is null || polarity is null)
            {
                return null;
            }
            return new CmoRuleDefinition(id, title, polarity.Value, sections, context, mechanism, outcome,
                weight ?? (polarity == Polarity.Caution ? 0 : 1), Scalar(node, path, "weight_reason") ?? "", explain)
            {
                Status = status ?? RuleStatus.Initial,
                Form = form,
                Subjects = subjects,
                AlsoCites = alsoCites,
                Parameters = parameters,
                Note = Scalar(node, path, "note"),
                ListsUnassessed = listsUnassessed,
            };
        }

        private RuleForm FormOf(string per, string path, YamlNode node)
        {
            if (per == "contested_outcome")
            {
                return RuleForm.ContestedOutcome;
            }
            Fail(path + ".per", node, $"`{per}` is not a way to fire; one of {string.Join(", ", Forms)}");
            return RuleForm.Context;
        }

        private List<ContextTerm> Terms(YamlNode node, string path)
        {
            if (node is not YamlSequenceNode list)
            {
                Fail(path, node, "`when` is a list of conditions, each `code:` with `is:`");
                return [];
            }
            var terms = new List<ContextTerm>();
            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"{path}[{i}]";
                if (list.Children[i] is not YamlMappingNode term)
                {
                    Fail(at, list.Children[i], "a condition is a mapping: `code:` with `is:`");
                    continue;
                }
                Keys(term, at, TermKeys);
                var code = Required(term, at, "code");
                if (code is not null)
                {
                    CheckCode(code, at + ".code", Child(term, "code")!);
                }
                var expects = Expectation(term, at);
                var threshold = Number(term, at, "at_least");
                if (expects == Conditions.Expectation.AtLeast && threshold is null)
                {
                    Fail(at + ".at_least", term, "`is: at_least` needs `at_least:` with the score to reach");
                }
                if (threshold is < 0 or > 1)
                {
                    Fail(at + ".at_least", Child(term, "at_least")!, "a score threshold lies between 0 and 1");
                }
                if (expects != Conditions.Expectation.AtLeast && threshold is not null)
                {
                    Fail(at + ".at_least", Child(term, "at_least")!, "`at_least:` goes with `is: at_least`");
                }
                var anyOf = EffectList(term, at, "effect_any_of");
                var noneOf = EffectList(term, at, "effect_none_of");
                if (code is not null && expects is not null)
                {
                    terms.Add(new ContextTerm(code, expects.Value, anyOf, noneOf, threshold));
                }
            }
            return terms;
        }

        private List<RuleSubject> Subjects(YamlNode node, string path)
        {
            if (node is not YamlSequenceNode list)
            {
                Fail(path, node, "`subjects` is a list, each with `name`, `description` and `when`");
                return [];
            }
            var subjects = new List<RuleSubject>();
            for (var i = 0; i < list.Children.Count; i++)
            {
                var at = $"{path}[{i}]";
                if (list.Children[i] is not YamlMappingNode subject)
                {
                    Fail(at, list.Children[i], "a subject is a mapping: `name`, `description` and `when`");
                    continue;
                }
                Keys(subject, at, SubjectKeys);
                var name = Required(subject, at, "name");
                var description = Required(subject, at, "description");
                var context = Child(subject, "when") is { } when ? Terms(when, at + ".when") : [];
                if (context.Count == 0)
                {
                    Fail(at + ".when", subject, "a subject needs a context: `when` with at least one condition");
                }
                if (name is not null && subjects.Any(s => s.Name == name))
                {
                    Fail(at + ".name", Child(subject, "name")!, $"`{name}` is already a subject of this rule");
                }
                if (name is not null && description is not null)
                {
                    subjects.Add(new RuleSubject(name, description, context));
                }
            }
            return subjects;
        }

        private Expectation? Expectation(YamlMappingNode term, string path)
        {
            var value = Required(term, path, "is");
            if (value is null)
            {
                return null;
            }
            if (Expectations.TryGetValue(value, out var expects))
            {
                return expects;
            }
            Fail(path + ".is", Child(term, "is")!,
                $"`{value}` is not a test; one of {string.Join(", ", Expectations.Keys)}{ClosestName.Suggestion(value, Expectations.Keys)}");
            return null;
        }

        private List<string>? EffectList(YamlMappingNode term, string path, string key)
        {
            if (Child(term, key) is null)
            {
                return null;
            }
            var effects = Strings(term, path, key, required: false);
            foreach (var (effect, i) in effects.Select((e, i) => (e, i)))
            {
                if (!Effects.Contains(effect))
                {
                    Fail($"{path}.{key}[{i}]", Child(term, key)!, $"`{effect}` is not an ALIGNED_WITH effect; one of {string.Join(", ", Effects)}");
                }
            }
            return effects;
        }

        private string? Code(YamlMappingNode node, string path, string key, CodeKind kind)
        {
            var code = Scalar(node, path, key);
            if (code is null)
            {
                return null;
            }
            var ofKind = CodeCatalogue.Ids(kind);
            if (CodeCatalogue.Find(code)?.Kind != kind)
            {
                Fail($"{path}.{key}", Child(node, key)!,
                    $"`{code}` is not a {kind.ToString().ToLowerInvariant()} code of the coding catalogue{ClosestName.Suggestion(code, ofKind)}");
            }
            return code;
        }

        private void CheckCode(string code, string path, YamlNode node)
        {
            if (CodeCatalogue.IsKnown(code) || DerivedCodes.Find(code) is not null)
            {
                return;
            }
            var known = CodeCatalogue.Ids().Concat(DerivedCodes.All.Select(d => d.Id));
            Fail(path, node, $"`{code}` is not a code of the coding catalogue nor one the engine derives{ClosestName.Suggestion(code, known)}");
        }

        private void Placeholders(string explain, string path, YamlNode node, RuleForm form, bool hasSubjects, HashSet<string> read)
        {
            foreach (Match match in Placeholder().Matches(explain))
            {
                var name = match.Groups[1].Value;
                var fits = name switch
                {
                    "context" => form == RuleForm.Context,
                    "subject" => hasSubjects || form == RuleForm.ContestedOutcome,
                    "views" => form == RuleForm.ContestedOutcome,
                    _ => read.Contains(name),
                };
                if (!fits)
                {
                    Fail(path, node, $"`{{{name}}}` names nothing the rule reads: use {{context}}, {{subject}} for a rule with subjects, "
                        + $"or a code of its `when`, `also_cites` or `mechanism`{ClosestName.Suggestion(name, read)}");
                }
            }
        }
    }

    private static readonly Dictionary<string, Expectation> Expectations = new(StringComparer.Ordinal)
    {
        ["present"] = Conditions.Expectation.Present,
        ["absent"] = Conditions.Expectation.Absent,
        ["unknown"] = Conditions.Expectation.Unknown,
        ["absent_or_partly"] = Conditions.Expectation.AbsentOrPartly,
        ["at_least"] = Conditions.Expectation.AtLeast,
    };

    /// <summary>The language's word for a test (<c>absent_or_partly</c>).</summary>
    public static string NameOf(Expectation expects) => Expectations.Single(e => e.Value == expects).Key;

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
