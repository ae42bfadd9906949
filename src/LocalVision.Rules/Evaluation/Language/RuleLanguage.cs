using System.Text.RegularExpressions;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>The words of the rule language for the engine's enums: <c>INGREDIENT</c>, <c>REFINED</c>.</summary>
public static partial class RuleLanguage
{
    public static string Name<T>(T value)
        where T : struct, Enum => Capital().Replace(value.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Capital();
}
