namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// Agenda priorities by stage of the chain. The results are the same in any order (linked facts are kept true by
/// the engine); firing stage by stage only saves re-firing downstream rules as upstream facts arrive.
/// </summary>
internal static class RulePriorities
{
    public const int Read = 300;
    public const int Derive = 200;
    public const int Resolve = 100;
    public const int Configure = 50;
    public const int Find = 0;
    public const int Outlook = -100;
}
