namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// A piece of evidence a case's configurations cite, as the caller may see it: for a caller who may not read confidential
/// evidence, a confidential summary and respondent role are the redactor's placeholder.
/// </summary>
/// <param name="Summary">What the evidence says; empty when the node is missing or has none.</param>
/// <param name="RespondentRole">Who said it, for interviews; null when not recorded.</param>
public sealed record CitedEvidence(string Id, string Kind, string Date, bool Confidential, string Summary, string? RespondentRole);
