using System.Globalization;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// Writes rule definitions in the rule language, so that <see cref="TheoryReader"/> reads back the same rules: what a
/// theory version stores when an evaluator changes some rules, and what <c>lv theory export</c> prints.
/// </summary>
public static class TheoryWriter
{
    public static string Write(IEnumerable<CmoRuleDefinition> rules, string? header = null)
    {
        var list = new YamlSequenceNode();
        foreach (var rule in rules)
        {
            list.Add(Rule(rule));
        }
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                writer.WriteLine(("# " + line).TrimEnd());
            }
        }
        new YamlStream(new YamlDocument(new YamlMappingNode { { "rules", list } })).Save(writer, assignAnchors: false);
        // YamlStream ends a document with "...", which a reader does not need and a person editing the file would wonder at.
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Rule(CmoRuleDefinition rule)
    {
        var node = new YamlMappingNode
        {
            { "id", rule.Id },
            { "title", rule.Title },
            { "sections", Flow(rule.Sections) },
            { "polarity", RuleLanguage.Name(rule.Polarity) },
            { "status", RuleLanguage.Name(rule.Status) },
            { "weight", Number(rule.Weight) },
        };
        if (rule.WeightReason.Length > 0)
        {
            node.Add("weight_reason", rule.WeightReason);
        }
        if (rule.Form == RuleForm.ContestedOutcome)
        {
            node.Add("per", "contested_outcome");
        }
        if (rule.Subjects.Count > 0)
        {
            var subjects = new YamlSequenceNode();
            foreach (var subject in rule.Subjects)
            {
                subjects.Add(new YamlMappingNode { { "name", subject.Name }, { "description", subject.Description }, { "when", Terms(subject.Context) } });
            }
            node.Add("subjects", subjects);
        }
        else if (rule.Context.Count > 0)
        {
            node.Add("when", Terms(rule.Context));
        }
        if (rule.Mechanism is not null)
        {
            node.Add("mechanism", rule.Mechanism);
        }
        if (rule.Outcome is not null)
        {
            node.Add("outcome", rule.Outcome);
        }
        node.Add("explain", rule.Explanation);
        if (rule.AlsoCites.Count > 0)
        {
            node.Add("also_cites", Flow(rule.AlsoCites));
        }
        if (rule.Parameters.Count > 0)
        {
            node.Add("parameters", Flow(rule.Parameters));
        }
        if (rule.Note is not null)
        {
            node.Add("note", rule.Note);
        }
        if (rule.ListsUnassessed != (rule.Form == RuleForm.Context))
        {
            node.Add("lists_unassessed", rule.ListsUnassessed ? "true" : "false");
        }
        return node;
    }

    private static YamlSequenceNode Terms(IEnumerable<ContextTerm> terms)
    {
        var list = new YamlSequenceNode();
        foreach (var term in terms)
        {
            var node = new YamlMappingNode { { "code", term.Code }, { "is", TheoryReader.NameOf(term.Expects) } };
            if (term.Threshold is { } threshold)
            {
                node.Add("at_least", Number(threshold));
            }
            if (term.EffectsAnyOf is { } any)
            {
                node.Add("effect_any_of", Flow(any));
            }
            if (term.EffectsNoneOf is { } none)
            {
                node.Add("effect_none_of", Flow(none));
            }
            list.Add(node);
        }
        return list;
    }

    private static YamlSequenceNode Flow(IEnumerable<string> values) =>
        new(values.Select(v => new YamlScalarNode(v))) { Style = SequenceStyle.Flow };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
