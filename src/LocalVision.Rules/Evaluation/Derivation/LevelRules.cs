using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>The level of intervention as fuzzy memberships: a MIXED project is half strategic, half community (§7.1.2).</summary>
[Name(RuleIds.DeriveLevel + "/STRATEGIC")]
[Priority(RulePriorities.Derive)]
public sealed class StrategicLevelRule : Rule
{
    public static DerivationDefinition Definition => Level.Definition;

    public override void Define()
    {
        InitiativeFact initiative = default!;

        When()
            .Match(() => initiative, i => Level.Strategic(i.Level) != null);

        Then()
            .Yield(_ => Level.Derive(initiative, Codes.LevelStrategic, Level.Strategic(initiative.Level)!.Value));
    }
}

/// <summary>The community side of the level of intervention (§7.1.2).</summary>
[Name(RuleIds.DeriveLevel + "/COMMUNITY")]
[Priority(RulePriorities.Derive)]
public sealed class CommunityLevelRule : Rule
{
    public static DerivationDefinition Definition => Level.Definition;

    public override void Define()
    {
        InitiativeFact initiative = default!;

        When()
            .Match(() => initiative, i => Level.Community(i.Level) != null);

        Then()
            .Yield(_ => Level.Derive(initiative, Codes.LevelCommunity, Level.Community(initiative.Level)!.Value));
    }
}

internal static class Level
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveLevel, "Level of intervention", "7.1.2", [Codes.LevelStrategic, Codes.LevelCommunity],
        "The initiative's recorded level gives LEVEL_STRATEGIC and LEVEL_COMMUNITY as fuzzy memberships: STRATEGIC → 1 and 0; COMMUNITY → 0 and 1; MIXED → 0.5 and 0.5 (both unknown). No level recorded gives neither.");

    public static double? Strategic(string? level) => level switch
    {
        "STRATEGIC" => 1,
        "MIXED" => 0.5,
        "COMMUNITY" => 0,
        _ => null,
    };

    public static double? Community(string? level) => Strategic(level) is { } strategic ? 1 - strategic : null;

    public static CodeValue Derive(InitiativeFact initiative, string code, double score) =>
        CodeValue.Derived(initiative.Name, code, score, $"the initiative's level is {initiative.Level}", [initiative.Name]);
}
