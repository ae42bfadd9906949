namespace LocalVision.Rules.Evaluation.Language;

/// <summary>A change of the theory checked and compiled but not stored: the version it was made on, and the one it would make.</summary>
public sealed record TheoryProposal(TheoryVersion Before, TheoryVersion After, CompiledTheory Compiled);

/// <summary>The request fields a proposal's violations name: its rules' text and its removals.</summary>
public sealed record ProposalFields(string Yaml, string RemoveRules);
