using Google.Protobuf.WellKnownTypes;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.V1;
using Domain = LocalVision.Rules.Evaluation;

namespace LocalVision.Server.Grpc.Evaluation;

/// <summary>Evaluations, rules and programme-theory tests as the protos carry them.</summary>
internal static class EvaluationMapping
{
    public static Timestamp Time(DateOnly date) => Timestamp.FromDateTime(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public static V1.Polarity ToProto(Domain.Catalogue.Polarity? polarity) => polarity switch
    {
        Domain.Catalogue.Polarity.Ingredient => V1.Polarity.Ingredient,
        Domain.Catalogue.Polarity.Risk => V1.Polarity.Risk,
        Domain.Catalogue.Polarity.Caution => V1.Polarity.Caution,
        _ => V1.Polarity.Unspecified,
    };

    public static V1.ConditionValue ToProto(Domain.Conditions.ConditionValue value) => value switch
    {
        Domain.Conditions.ConditionValue.Present => V1.ConditionValue.Present,
        Domain.Conditions.ConditionValue.Absent => V1.ConditionValue.Absent,
        _ => V1.ConditionValue.Unknown,
    };

    public static V1.RuleDescription ToProto(Domain.Catalogue.RuleDescription rule)
    {
        var proto = new V1.RuleDescription
        {
            Id = rule.Id,
            Title = rule.Title,
            Polarity = ToProto(rule.Polarity),
            ReportSection = rule.ReportSection,
            Mechanism = rule.Mechanism ?? "",
            Outcome = rule.Outcome ?? "",
            Condition = rule.Condition,
            Kind = rule.Kind switch
            {
                Domain.Catalogue.RuleKind.Derivation => V1.RuleKind.Derivation,
                Domain.Catalogue.RuleKind.Cmo => V1.RuleKind.Cmo,
                _ => V1.RuleKind.Outlook,
            },
            Weight = rule.Weight ?? 0,
            WeightReason = rule.WeightReason ?? "",
            Status = rule.Status switch
            {
                Domain.Catalogue.RuleStatus.Initial => V1.RuleStatus.Initial,
                Domain.Catalogue.RuleStatus.Refined => V1.RuleStatus.Refined,
                Domain.Catalogue.RuleStatus.Refuted => V1.RuleStatus.Refuted,
                Domain.Catalogue.RuleStatus.Candidate => V1.RuleStatus.Candidate,
                _ => V1.RuleStatus.Unspecified,
            },
        };
        proto.ContextCodes.AddRange(rule.ContextCodes);
        proto.ReportSections.AddRange(rule.Sections);
        proto.Subjects.AddRange(rule.Subjects ?? []);
        proto.Context.AddRange((rule.Context ?? []).Select(t =>
        {
            var term = new V1.ContextTerm
            {
                Code = t.Code,
                Expects = t.Expects switch
                {
                    Domain.Conditions.Expectation.Present => V1.Expectation.Present,
                    Domain.Conditions.Expectation.Absent => V1.Expectation.Absent,
                    Domain.Conditions.Expectation.Unknown => V1.Expectation.Unknown,
                    Domain.Conditions.Expectation.AtLeast => V1.Expectation.AtLeast,
                    _ => V1.Expectation.AbsentOrPartly,
                },
            };
            if (t.Threshold is { } threshold)
            {
                term.Threshold = threshold;
            }
            term.EffectsAnyOf.AddRange(t.EffectsAnyOf ?? []);
            term.EffectsNoneOf.AddRange(t.EffectsNoneOf ?? []);
            return term;
        }));
        proto.Parameters.AddRange(rule.Parameters.Select(p => new V1.RuleParameter { Name = p.Name, Value = p.Value, Description = p.Description }));
        return proto;
    }

    public static V1.Evaluation ToProto(Domain.Evaluation evaluation)
    {
        var proto = new V1.Evaluation
        {
            Initiative = evaluation.Initiative,
            DisplayName = evaluation.DisplayName,
            AsOf = Time(evaluation.AsOf),
            Status = evaluation.Status switch
            {
                Domain.EvaluationStatus.NotStarted => V1.EvaluationStatus.NotStarted,
                Domain.EvaluationStatus.Running => V1.EvaluationStatus.Running,
                Domain.EvaluationStatus.Ended => V1.EvaluationStatus.Ended,
                _ => V1.EvaluationStatus.Undated,
            },
            IncludeIllustrative = evaluation.Scope.IncludeIllustrative,
            AsNowKnown = evaluation.Scope.AsNowKnown,
            Outlook = ToProto(evaluation.Outlook),
            TheoryVersion = evaluation.TheoryVersion,
        };
        proto.Findings.AddRange(evaluation.Findings.Select(ToProto));
        proto.NotAssessed.AddRange(evaluation.NotAssessed.Select(u =>
        {
            var item = new V1.UnassessedIngredient
            {
                Rule = u.Rule, Title = u.Title, Subject = u.Subject ?? "", Polarity = ToProto(u.Polarity), Reason = u.Reason,
            };
            item.Sections.AddRange(u.Sections);
            item.MissingCodes.AddRange(u.MissingCodes);
            item.Unknown.AddRange(u.Unknown);
            return item;
        }));
        proto.Conditions.AddRange(evaluation.Conditions.Select(ToProto));
        return proto;
    }

    public static V1.Outlook ToProto(Domain.Outlook.MomentumOutlook outlook)
    {
        var proto = new V1.Outlook { Rating = outlook.RatingName, Score = outlook.Score };
        proto.Reasons.AddRange(outlook.Reasons);
        proto.Cautions.AddRange(outlook.Cautions);
        proto.Contributions.AddRange(outlook.Contributions.Select(c => new V1.OutlookContribution
        {
            RuleId = c.RuleId, Subject = c.Subject ?? "", Weight = c.Weight, Tentative = c.Tentative, Counted = c.Counted, Reason = c.Reason,
        }));
        return proto;
    }

    public static V1.Finding ToProto(Domain.Findings.Finding finding)
    {
        var proto = new V1.Finding
        {
            RuleId = finding.RuleId,
            Polarity = ToProto(finding.Polarity),
            Title = finding.Subject is null ? finding.Title : $"{finding.Title}: {finding.Subject}",
            Explanation = finding.Explanation,
            ReportSection = finding.ReportSection,
            Subject = finding.Subject ?? "",
            Tentative = finding.Tentative,
            Illustrative = finding.Illustrative,
            Weight = finding.Polarity == Domain.Catalogue.Polarity.Caution ? 0 : finding.Weight,
        };
        proto.Observations.AddRange(finding.Observations);
        proto.Evidence.AddRange(finding.Evidence);
        proto.DerivedFacts.AddRange(finding.DerivedFacts.Select(ToProto));
        proto.ReportSections.AddRange(finding.Sections);
        proto.Conditions.AddRange(finding.Conditions.Select(ToProto));
        if (finding.Mechanism is { } mechanism)
        {
            proto.Mechanism = new V1.MechanismObservation
            {
                Code = mechanism.Code,
                Observed = mechanism.Observed switch
                {
                    Domain.Findings.MechanismObserved.Yes => V1.MechanismObserved.Yes,
                    Domain.Findings.MechanismObserved.No => V1.MechanismObserved.No,
                    _ => V1.MechanismObserved.Unknown,
                },
            };
            if (mechanism.Score is { } score)
            {
                proto.Mechanism.Score = score;
            }
            proto.Mechanism.Observations.AddRange(mechanism.Observations);
            proto.Mechanism.Evidence.AddRange(mechanism.Evidence);
        }
        return proto;
    }

    private static V1.DerivedFact ToProto(Domain.Conditions.DerivedFact fact)
    {
        var proto = new V1.DerivedFact { Code = fact.Code, Score = fact.Score, Source = fact.Source };
        proto.Nodes.AddRange(fact.Nodes);
        return proto;
    }

    private static EvaluatedCondition ToProto(Domain.Conditions.Condition condition)
    {
        var proto = new EvaluatedCondition
        {
            Code = condition.Code,
            Value = ToProto(condition.Value),
            Score = condition.Score,
            Tentative = condition.Tentative,
            Illustrative = condition.Illustrative,
        };
        proto.Sources.AddRange(condition.Values.Select(v => v.Origin == Domain.Conditions.CodeSource.Coded ? v.Source : "derived: " + v.Source));
        proto.Observations.AddRange(condition.Observations);
        proto.Evidence.AddRange(condition.Evidence.Distinct(StringComparer.Ordinal));
        proto.DerivedFacts.AddRange(condition.DerivedFacts.Select(ToProto));
        return proto;
    }

    public static TestProgrammeTheoryResponse ToProto(IReadOnlyList<Domain.Theory.RuleTest> tests, EvidenceScope scope)
    {
        var response = new TestProgrammeTheoryResponse { AsOf = Time(scope.AsOf) };
        response.Rules.AddRange(tests.Select(t =>
        {
            var proto = new V1.RuleTest
            {
                RuleId = t.RuleId,
                Subject = t.Subject ?? "",
                Title = t.Title,
                Polarity = ToProto(t.Polarity),
                Mechanism = t.Mechanism ?? "",
                Outcome = t.Outcome ?? "",
                Testable = t.Testable,
                Counts = new VerdictCounts
                {
                    Supports = t.Counts[Domain.Theory.Verdict.Supports],
                    Deviant = t.Counts[Domain.Theory.Verdict.Deviant],
                    Alternative = t.Counts[Domain.Theory.Verdict.Alternative],
                    Consistent = t.Counts[Domain.Theory.Verdict.Consistent],
                    Untested = t.Counts[Domain.Theory.Verdict.Untested],
                },
            };
            if (t.Consistency is { } consistency)
            {
                proto.Consistency = consistency;
            }
            if (t.Coverage is { } coverage)
            {
                proto.Coverage = coverage;
            }
            proto.ReportSections.AddRange(t.Sections);
            proto.Cases.AddRange(t.Cases.Select(c => new V1.CaseTest
            {
                Initiative = c.Initiative,
                DisplayName = c.DisplayName,
                Verdict = c.Verdict switch
                {
                    Domain.Theory.Verdict.Supports => V1.Verdict.Supports,
                    Domain.Theory.Verdict.Deviant => V1.Verdict.Deviant,
                    Domain.Theory.Verdict.Alternative => V1.Verdict.Alternative,
                    Domain.Theory.Verdict.Consistent => V1.Verdict.Consistent,
                    _ => V1.Verdict.Untested,
                },
                Context = ToProto(c.Context),
                Mechanism = c.Mechanism is null ? null : ToProto(c.Mechanism),
                Outcome = c.Outcome is null ? null : ToProto(c.Outcome),
                Reason = c.Reason,
            }));
            return proto;
        }));
        return response;
    }

    private static V1.TheoryValue ToProto(Domain.Theory.TheoryValue value)
    {
        var proto = new V1.TheoryValue { Code = value.Code ?? "", Value = ToProto(value.Value) };
        if (value.Membership is { } membership)
        {
            proto.Membership = membership;
        }
        proto.Observations.AddRange(value.Observations);
        proto.Evidence.AddRange(value.Evidence);
        return proto;
    }
}
