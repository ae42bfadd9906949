using System.Globalization;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>The YAML values a rule is made of, each read with its field path and line so a mistake can be named.</summary>
public static partial class TheoryReader
{
    private sealed partial class Reading
    {
        private void Keys(YamlMappingNode node, string path, string[] allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                {
                    Fail(path.Length == 0 ? name : $"{path}.{name}", key,
                        $"`{name}` is not a field here; the fields are {string.Join(", ", allowed)}{ClosestName.Suggestion(name, allowed)}");
                }
            }
        }

        private string? Required(YamlMappingNode node, string path, string key)
        {
            var value = Scalar(node, path, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (Child(node, key) is null or YamlScalarNode)
                {
                    Fail($"{path}.{key}", Child(node, key) ?? node, $"`{key}` is required");
                }
                return null;
            }
            return value;
        }

        private string? Scalar(YamlMappingNode node, string path, string key)
        {
            var child = Child(node, key);
            if (child is null)
            {
                return null;
            }
            if (child is YamlScalarNode scalar)
            {
                return scalar.Value;
            }
            Fail($"{path}.{key}", child, $"`{key}` is a single value, not a list or mapping");
            return null;
        }

        private List<string> Strings(YamlMappingNode node, string path, string key, bool required)
        {
            var child = Child(node, key);
            if (child is null)
            {
                if (required)
                {
                    Fail($"{path}.{key}", node, $"`{key}` is required: a list such as [7.3.3]");
                }
                return [];
            }
            if (child is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode))
            {
                Fail($"{path}.{key}", child, $"`{key}` is a list of values, such as [{(key == "sections" ? "7.3.3" : "A, B")}]");
                return [];
            }
            if (required && list.Children.Count == 0)
            {
                Fail($"{path}.{key}", child, $"`{key}` needs at least one value");
            }
            return list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
        }

        private double? Number(YamlMappingNode node, string path, string key)
        {
            var value = Scalar(node, path, key);
            if (value is null)
            {
                return null;
            }
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return number;
            }
            Fail($"{path}.{key}", Child(node, key)!, $"`{value}` is not a number");
            return null;
        }

        private bool Boolean(YamlMappingNode node, string path, string key, bool fallback)
        {
            var value = Scalar(node, path, key);
            if (value is null)
            {
                return fallback;
            }
            if (bool.TryParse(value, out var flag))
            {
                return flag;
            }
            Fail($"{path}.{key}", Child(node, key)!, $"`{value}` is not true or false");
            return fallback;
        }

        private T? Enum<T>(YamlMappingNode node, string path, string key, T? fallback)
            where T : struct, Enum
        {
            var value = Scalar(node, path, key);
            if (value is null)
            {
                if (fallback is null)
                {
                    Fail($"{path}.{key}", node, $"`{key}` is required: one of {string.Join(", ", Names<T>())}");
                }
                return fallback;
            }
            var match = System.Enum.GetValues<T>().Where(v => RuleLanguage.Name(v) == value).Cast<T?>().FirstOrDefault();
            if (match is null)
            {
                Fail($"{path}.{key}", Child(node, key)!,
                    $"`{value}` is not a {key}; one of {string.Join(", ", Names<T>())}{ClosestName.Suggestion(value, Names<T>())}");
            }
            return match ?? fallback;
        }

        private static IEnumerable<string> Names<T>()
            where T : struct, Enum => System.Enum.GetValues<T>().Select(v => RuleLanguage.Name(v));

        private static YamlNode? Child(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

        private void Fail(string path, YamlNode node, string message) =>
            Violations.Add(new FieldViolation(path, $"line {node.Start.Line}: {message}"));
    }
}
