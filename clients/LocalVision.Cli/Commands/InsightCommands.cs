using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>"Which conditions predict momentum?" (QCA: predictors, truth-table, minimize) and "which applicants should we fund?" (cohort).</summary>
public static class InsightCommands
{
    public static Command Predictors()
    {
        var cases = new CaseOptions("Conditions to analyse, e.g. SENIOR_ENGAGEMENT_EARLY,COMMUNITY_ENGAGEMENT (~X for an absence); every context code with data when left out");
        var negate = new Option<bool>("--negate-outcome") { Description = "Analyse the outcome's absence (the same as --outcome ~MOMENTUM)" };
        var showCases = new Option<bool>("--show-cases") { Description = "Also list the cases behind each condition's numbers" };
        var robustness = new Option<bool>("--robustness")
        {
            Description = "Also test how robust the conservative solution over these conditions is: re-run it with other inclusion and frequency cut-offs, "
                + "unknown policies and each case left out (the named conditions, else those that can be judged, at most 6)",
        };
        var command = new Command("predictors",
            "Which conditions predict an outcome: sufficiency and necessity per condition, and its crisp 2×2 table with Fisher's p and the odds ratio");
        cases.AddTo(command);
        command.Options.Add(negate);
        command.Options.Add(showCases);
        command.Options.Add(robustness);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new AnalyzeConditionsRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, NegateOutcome = parse.GetValue(negate), AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse),
                UnknownPolicy = cases.Unknowns(parse),
            };
            request.Conditions.AddRange(parse.GetValue(cases.Conditions) ?? []);
            var response = await connection.Insight.AnalyzeConditionsAsync(request, connection.Call(ct));
            if (!parse.GetValue(robustness))
            {
                Render.Message(response, connection.Output, () => InsightView.Predictors(response, parse.GetValue(showCases)));
                return;
            }
            var test = RobustnessCommand.Request(request, response);
            if (test is null)
            {
                Render.Message(response, connection.Output, () =>
                {
                    InsightView.Predictors(response, parse.GetValue(showCases));
                    Spectre.Console.AnsiConsole.MarkupLine("[yellow]robustness:[/] no condition has cases to minimise over, so there is nothing to test");
                });
                return;
            }
            var tested = await connection.Insight.TestRobustnessAsync(test, connection.Call(ct));
            // JSON: the two answers as an array, conditions first.
            Render.Messages([response, tested], connection.Output, () =>
            {
                InsightView.Predictors(response, parse.GetValue(showCases));
                RobustnessView.Robustness(tested, test);
            });
        }));
        return command;
    }

    public static Command TruthTable()
    {
        var cases = new CaseOptions("Conditions, e.g. POLITICAL_ENGAGEMENT,COMMUNITY_ENGAGEMENT (~X for an absence); at least one", required: true);
        var cutoffs = new Cutoffs();
        var command = new Command("truth-table",
            "The truth table over chosen conditions: each configuration the cases show, with its cases, consistency and outcome");
        cases.AddTo(command);
        cutoffs.AddTo(command);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new BuildTruthTableRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, InclusionCutoff = parse.GetValue(cutoffs.Inclusion), FrequencyCutoff = parse.GetValue(cutoffs.Frequency),
                AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse), UnknownPolicy = cases.Unknowns(parse),
            };
            request.Conditions.AddRange(parse.GetValue(cases.Conditions) ?? []);
            var response = await connection.Insight.BuildTruthTableAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => InsightView.TruthTable(response, request.Outcome));
        }));
        return command;
    }

    public static Command Minimize()
    {
        var cases = new CaseOptions("Conditions, e.g. POLITICAL_ENGAGEMENT,COMMUNITY_ENGAGEMENT (~X for an absence); at least one", required: true);
        var cutoffs = new Cutoffs();
        var solution = new Choice<SolutionType>("--solution",
            "conservative: only configurations cases show; parsimonious: any remainder that simplifies the solution; intermediate: only remainders that agree with --expect",
            new Dictionary<string, SolutionType>
            {
                ["conservative"] = SolutionType.Conservative, ["parsimonious"] = SolutionType.Parsimonious, ["intermediate"] = SolutionType.Intermediate,
            },
            "conservative");
        var expectations = AnalysisOptions.List("--expect", "CONDITION=1|0",
            "Directional expectations for the intermediate solution, CONDITION=1 (its presence should help) or CONDITION=0 (its absence should), e.g. POLITICAL_ENGAGEMENT=1");
        var maxModels = new Option<int?>("--max-models")
        {
            HelpName = "N",
            Description = "Most equally minimal models to list, 0 for every one; 1000 when left out (a note says when there are more)",
        };
        var untenable = AnalysisOptions.List("--untenable", "configurations",
            "Enhanced Standard Analysis: remainders the parsimonious and intermediate solutions may not use, e.g. 101,110 (one digit per condition, in order)");
        var excludeContradictory = new Option<bool>("--exclude-contradictory")
        {
            Description = "Enhanced Standard Analysis: also keep out the remainders the solutions for the outcome and for its negation both assume (docs/predictors.md)",
        };
        var command = new Command("minimize",
            "Minimise the truth table to the combinations of conditions sufficient for an outcome, each with its consistency, coverage and cases");
        cases.AddTo(command);
        cutoffs.AddTo(command);
        command.Options.Add(solution.Option);
        command.Options.Add(expectations);
        command.Options.Add(maxModels);
        command.Options.Add(untenable);
        command.Options.Add(excludeContradictory);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new MinimizeTruthTableRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, InclusionCutoff = parse.GetValue(cutoffs.Inclusion), FrequencyCutoff = parse.GetValue(cutoffs.Frequency),
                SolutionType = solution.Value(parse), AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse), UnknownPolicy = cases.Unknowns(parse),
            };
            request.Conditions.AddRange(parse.GetValue(cases.Conditions) ?? []);
            request.UntenableRemainders.AddRange(parse.GetValue(untenable) ?? []);
            request.ExcludeContradictoryAssumptions = parse.GetValue(excludeContradictory);
            foreach (var (condition, expected) in Expectations(parse.GetValue(expectations) ?? []))
            {
                request.DirectionalExpectations[condition] = expected;
            }
            if (parse.GetValue(maxModels) is { } max)
            {
                request.MaxModels = max;
            }
            // A long model list comes in pages; lv shows (and writes as JSON) the whole list as one answer.
            var response = await connection.Insight.MinimizeTruthTableAsync(request, connection.Call(ct));
            while (response.NextPageToken.Length > 0)
            {
                request.PageToken = response.NextPageToken;
                var page = await connection.Insight.MinimizeTruthTableAsync(request, connection.Call(ct));
                response.Models.AddRange(page.Models);
                response.NextPageToken = page.NextPageToken;
            }
            Render.Message(response, connection.Output, () => InsightView.Solutions(response, request.Outcome, request.Conditions));
        }));
        return command;
    }

    public static Command Calibrate()
    {
        var values = new Argument<double[]>("values") { Description = "Raw values to calibrate; or use --label and --property, or --case-table and --column", Arity = ArgumentArity.ZeroOrMore };
        var thresholds = AnalysisOptions.List("--thresholds", "numbers",
            "Direct: exclusion,crossover,inclusion (reversed for a set of low values); indirect: group boundaries", "-t");
        thresholds.Required = true;
        var label = new Option<string>("--label") { Description = "Calibrate a numeric property of these nodes, e.g. Locality" };
        var property = new Option<string>("--property") { Description = "The property, e.g. funding, or an Appendix 4 indicator such as population" };
        var filter = new Option<string>("--filter", "-f") { Description = "Which nodes of --label, as a list filter" };
        var caseTable = new Option<FileInfo?>("--case-table") { HelpName = "file", Description = "Calibrate a column of this CSV or .json case table" };
        var column = new Option<string>("--column") { Description = "The case table column" };
        var method = new Choice<CalibrationMethod>("--method", "direct: three anchors; indirect: groups fitted by a fractional logit",
            new Dictionary<string, CalibrationMethod> { ["direct"] = CalibrationMethod.Direct, ["indirect"] = CalibrationMethod.Indirect }, "direct");
        var inclusion = new Option<double>("--inclusion-membership")
        {
            Description = "Direct method: the membership at the inclusion anchor; 0.95 (R's default) when left out, 0.9525741268224334 for fsQCA's log-odds 3",
        };
        var command = new Command("calibrate", "Turn raw values into fuzzy set memberships (Ragin's direct or indirect method), one per value in order")
        {
            values, thresholds, label, property, filter, caseTable, column, method.Option, inclusion,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new CalibrateRequest
            {
                Label = parse.GetValue(label) ?? "", Property = parse.GetValue(property) ?? "", Filter = parse.GetValue(filter) ?? "",
                CaseTable = parse.GetValue(caseTable) is { } file ? CaseTableFile.Read(file) : null, Column = parse.GetValue(column) ?? "",
                Method = method.Value(parse), InclusionMembership = parse.GetValue(inclusion),
            };
            request.Values.AddRange(parse.GetValue(values) ?? []);
            foreach (var threshold in parse.GetValue(thresholds) ?? [])
            {
                if (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new CliException($"--thresholds: `{threshold}` is not a number");
                }
                request.Thresholds.Add(number);
            }
            var response = await connection.Insight.CalibrateAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => InsightView.Calibrated(response));
        }));
        return command;
    }

    public static Command Cohort()
    {
        var candidates = new Argument<string[]>("candidates")
        {
            Description = "Candidate initiatives, e.g. initiatives/plymouth-local-vision; when none, every initiative --filter matches",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var size = new Option<int>("--size", "-n") { Description = "How many projects to fund", Required = true };
        var filter = new Option<string>("--filter", "-f") { Description = "Which initiatives are candidates when none are named, as a list filter; applicant = true when left out" };
        var constraints = new Option<CohortConstraint[]>("--constraint")
        {
            HelpName = "ATTRIBUTE=VALUE:MIN[-MAX]",
            Description = "How many of the chosen localities may have a value of laType, region or ccgConfig: at least MIN, at most MAX; "
                + "e.g. laType=LONDON_BOROUGH:1 (at least one) or region=London:0-2 (at most two); repeat for several",
            CustomParser = result => [.. result.Tokens
                .Select(t => ParseConstraint(result, t.Value, $"`{t.Value}` is not ATTRIBUTE=VALUE:MIN or ATTRIBUTE=VALUE:MIN-MAX, e.g. laType=LONDON_BOROUGH:1"))
                .OfType<CohortConstraint>()],
        };
        var minPerLaType = new Option<CohortConstraint[]>("--min-per-la-type")
        {
            HelpName = "TYPE=N",
            Description = "TYPE=N: at least N localities of this laType (COUNTY, UNITARY, METROPOLITAN_BOROUGH, LONDON_BOROUGH); "
                + "the same as --constraint laType=TYPE:N",
            CustomParser = result => [.. result.Tokens
                .Select(t => ParseConstraint(result, "laType=" + t.Value.Replace('=', ':'), $"`{t.Value}` is not TYPE=N, e.g. LONDON_BOROUGH=1"))
                .OfType<CohortConstraint>()],
        };
        var budget = new Option<double>("--budget") { Description = "Total funding available, in pounds; no limit when left out" };
        var asOf = AnalysisOptions.AsOf("Judge the candidates on what was known by this date, YYYY-MM-DD; today when left out");
        var command = new Command("cohort",
            "Choose the next cohort by readiness under constraints, saying why each candidate was picked or left out")
        {
            candidates, size, filter, constraints, minPerLaType, budget, asOf,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new SelectCohortRequest
            {
                Size = parse.GetValue(size), Filter = parse.GetValue(filter) ?? "", Budget = parse.GetValue(budget), AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
            };
            request.Candidates.AddRange(parse.GetValue(candidates) ?? []);
            request.Constraints.AddRange(parse.GetValue(minPerLaType) ?? []);
            request.Constraints.AddRange(parse.GetValue(constraints) ?? []);
            var response = await connection.Insight.SelectCohortAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => InsightView.Cohort(response));
        }));
        return command;
    }

    /// <summary>ATTRIBUTE=VALUE:MIN or ATTRIBUTE=VALUE:MIN-MAX; a max of 0 is the API's "no maximum".</summary>
    private static CohortConstraint? ParseConstraint(ArgumentResult result, string text, string problem)
    {
        var equals = text.IndexOf('=');
        var colon = text.LastIndexOf(':');
        var bounds = colon > equals + 1 && equals > 0 ? text[(colon + 1)..].Split('-') : [];
        if (bounds.Length is 1 or 2 && int.TryParse(bounds[0], CultureInfo.InvariantCulture, out var min))
        {
            var max = 0;
            if (bounds.Length == 1 || int.TryParse(bounds[1], CultureInfo.InvariantCulture, out max))
            {
                return new CohortConstraint { Attribute = text[..equals], Value = text[(equals + 1)..colon], Min = min, Max = max };
            }
        }
        result.AddError(problem);
        return null;
    }

    private static IEnumerable<(string Condition, int Expected)> Expectations(IEnumerable<string> expectations)
    {
        foreach (var expectation in expectations)
        {
            var parts = expectation.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var expected))
            {
                throw new CliException($"--expect `{expectation}` is not CONDITION=1 or CONDITION=0");
            }
            yield return (parts[0], expected);
        }
    }

    /// <summary>What every configurational analysis asks: the outcome, the conditions, and the cases (the graph's as of a date, or a file's).</summary>
    internal sealed class CaseOptions
    {
        private readonly Option<DateOnly?> _asOf = AnalysisOptions.AsOf("Judge each Local Vision project on what was known by this date, YYYY-MM-DD; today when left out");

        private readonly Option<FileInfo?> _caseTable = new("--case-table")
        {
            HelpName = "file",
            Description = "Analyse your own cases instead of the graph's: a CSV file with a header row case,COND_A,…,OUTCOME and one case a row "
                + "with membership scores 0..1, or a .json file holding a CaseTable",
        };

        public CaseOptions(string conditionsDescription, bool required = false)
        {
            Conditions = AnalysisOptions.List("--conditions", "codes", conditionsDescription, "-c");
            Conditions.Required = required;
        }

        public Option<string> Outcome { get; } = new("--outcome")
        {
            Description = "The outcome code, e.g. MOMENTUM or SCALED_UP; ~MOMENTUM for its absence",
            DefaultValueFactory = _ => "MOMENTUM",
        };

        public Option<string[]> Conditions { get; }

        private readonly Choice<UnknownPolicy> _unknowns = new("--unknowns",
            "What a condition no one recorded counts as: drop (leave the case out of figures that need it), absent, present, "
            + "or bounds (drop's figures, each with its range between all absent and all present)",
            new Dictionary<string, UnknownPolicy>
            {
                ["drop"] = UnknownPolicy.DropCase, ["absent"] = UnknownPolicy.AsAbsent, ["present"] = UnknownPolicy.AsPresent, ["bounds"] = UnknownPolicy.Bounds,
            },
            "drop");

        /// <summary>Adds the options to a command; without <paramref name="conditions"/> all but --conditions (a command asking for one condition names its own).</summary>
        public void AddTo(Command command, bool conditions = true)
        {
            command.Options.Add(Outcome);
            if (conditions)
            {
                command.Options.Add(Conditions);
            }
            command.Options.Add(_asOf);
            command.Options.Add(_caseTable);
            command.Options.Add(_unknowns.Option);
        }

        public UnknownPolicy Unknowns(ParseResult parse) => _unknowns.Value(parse);

        public Google.Protobuf.WellKnownTypes.Timestamp? AsOf(ParseResult parse) => AnalysisOptions.Timestamp(parse.GetValue(_asOf));

        public CaseTable? Table(ParseResult parse) => parse.GetValue(_caseTable) is { } file ? CaseTableFile.Read(file) : null;
    }

    /// <summary>When a truth-table row counts: how consistent, and how many cases.</summary>
    internal sealed class Cutoffs
    {
        public Option<double> Inclusion { get; } = new("--inclusion-cutoff")
        {
            Description = "Consistency a row needs to count as sufficient for the outcome, 0 to 1", DefaultValueFactory = _ => 0.8,
        };

        public Option<int> Frequency { get; } = new("--frequency-cutoff") { Description = "Cases a row needs to count at all", DefaultValueFactory = _ => 1 };

        public void AddTo(Command command)
        {
            command.Options.Add(Inclusion);
            command.Options.Add(Frequency);
        }
    }
}
