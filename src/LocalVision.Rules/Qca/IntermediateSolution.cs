using System.Globalization;

namespace LocalVision.Rules.Qca;

/// <summary>
/// The intermediate solution as R's QCA package derives it (after Ragin and Sonnett): for each pair of a
/// conservative and a parsimonious model, every conservative term loses the literals that contradict a directional
/// expectation and are not in the parsimonious term containing it; the simplifying assumptions those reduced terms
/// cover are the easy counterfactuals, and the positive rows are minimised again with them.
/// </summary>
internal static class IntermediateSolution
{
    public static (List<SolutionModel> Models, IReadOnlyList<Implicant> Primes) Derive(
        MinimizationRun run, Dictionary<int, bool> expectations, List<string> warnings)
    {
        if (run.Negatives.Count == 0)
        {
            // The parsimonious solution is then the tautology 1 and every conservative term reduces towards it,
            // so there is no intermediate solution to tell apart: R's QCA stops here, and so does this.
            throw new MinimizationRefusedException(
                MinimizationRefusedException.AllConfigurationsUsed,
                $"All truth table configurations are used, all conditions are minimized (as R's QCA says): no row of the truth table for {run.Outcome} is negative, "
                    + "so the remainders explain every configuration and the parsimonious solution is 1; there is no intermediate solution. "
                    + "Ask for the conservative solution, or check the truth table (a higher inclusion cut-off makes inconsistent rows negative).");
        }

        if (expectations.Count == 0)
        {
            warnings.Add("No directional expectations were given: the intermediate solution equals the conservative one.");
        }

        var conservative = run.Solve(BooleanMinimization.ConservativePrimes(run), "conservative", warnings);
        var parsimonious = run.Solve(BooleanMinimization.ParsimoniousPrimes(run, warnings), "parsimonious", warnings);
        // The intermediate models depend on a pair only through its reduced terms, and the same model
        // often comes from several pairs: minimise once per set of reduced terms, report each model once.
        var primes = new HashSet<Implicant>();
        var solvedByReduced = new Dictionary<string, (List<Implicant[]> Models, string[] Keys)>();
        var models = new List<(SolutionModel Model, List<string> AlsoFrom)>();
        var byTerms = new Dictionary<string, int>();
        for (var c = 0; c < conservative.Count; c++)
        {
            for (var p = 0; p < parsimonious.Count; p++)
            {
                // Enhanced Standard Analysis: an excluded remainder is no easy counterfactual either.
                var reduced = EnhancedStandardAnalysis.Without(ReduceByExpectations(run, conservative[c], parsimonious[p], expectations), run.Excluded, run.K);
                var reducedKey = MinimizationRun.ModelKey(reduced);
                if (!solvedByReduced.TryGetValue(reducedKey, out var solved))
                {
                    var pairPrimes = PrimeImplicants.OfUnion(run.Positives.Select(r => Implicant.Row(r, run.K)).Concat(reduced), run.CancellationToken)
                        .Where(run.CoversSomePositive)
                        .ToList();
                    primes.UnionWith(pairPrimes);
                    var solvedModels = run.Solve(pairPrimes, "intermediate", warnings);
                    solvedByReduced[reducedKey] = solved = (solvedModels, solvedModels.Select(MinimizationRun.ModelKey).ToArray());
                }

                var pair = $"C{c + 1}P{p + 1}";
                for (var m = 0; m < solved.Models.Count; m++)
                {
                    // Each pair's models list the terms common to that pair's models first, so one model can
                    // come in several orders: it is the same model when it has the same set of terms.
                    var (terms, key) = (solved.Models[m], solved.Keys[m]);
                    if (byTerms.TryGetValue(key, out var known))
                    {
                        models[known].AlsoFrom.Add(pair);
                        continue;
                    }

                    if (models.Count == run.MaxModels)
                    {
                        warnings.Add(string.Create(CultureInfo.InvariantCulture,
                            $"The intermediate solution has more distinct models than the {run.MaxModels} returned (stopped at pair {pair} of {conservative.Count * parsimonious.Count})."));
                        return Finish();
                    }

                    var derivation = new IntermediateDerivation(
                        pair,
                        run.ConfigurationsOf(reduced, except: []),
                        run.ConfigurationsOf(parsimonious[p], except: reduced),
                        []);
                    byTerms[key] = models.Count;
                    models.Add((run.Model(terms, withAssumptions: true) with { Intermediate = derivation }, []));
                }
            }
        }

        return Finish();

        (List<SolutionModel> Models, IReadOnlyList<Implicant> Primes) Finish()
        {
            var distinctWarnings = warnings.Distinct().ToList();
            warnings.Clear();
            warnings.AddRange(distinctWarnings);
            return (
                models.Select(m => m.Model with { Intermediate = m.Model.Intermediate! with { AlsoDerivedFrom = m.AlsoFrom } }).ToList(),
                primes.ToList());
        }
    }

    /// <summary>
    /// Each conservative term contained in a parsimonious term drops the literals that are not in the
    /// parsimonious term and contradict an expectation: rows differing from the term only in a direction
    /// expected to help the outcome are easy counterfactuals.
    /// </summary>
    private static List<Implicant> ReduceByExpectations(
        MinimizationRun run, Implicant[] conservative, Implicant[] parsimonious, Dictionary<int, bool> expectations)
    {
        var reduced = new List<Implicant>();
        foreach (var term in conservative)
        {
            foreach (var container in parsimonious.Where(p => p.Contains(term)))
            {
                var mask = term.Mask;
                foreach (var (condition, present) in expectations)
                {
                    var bit = 1UL << (run.K - 1 - condition);
                    if ((term.Mask & bit) != 0 && (container.Mask & bit) == 0 && ((term.Bits & bit) != 0) != present)
                    {
                        mask &= ~bit;
                    }
                }

                reduced.Add(new Implicant(mask, term.Bits));
            }
        }

        return reduced;
    }
}
