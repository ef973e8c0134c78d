namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A sentence dropped inside a turn: each aligned pair's sentences are lined up (<see cref="SentenceAligner"/>), and a
/// source sentence of several words left without a partner is flagged, whether or not the whole turn looks short and
/// however many sentences the translation has (a translator who splits one sentence and drops another keeps the count).
/// Lengths tell that a sentence is missing more surely than which one: where the source has more sentences and the
/// cheapest alignment leaves only a short one (a "Ja." a translator may drop) alone, a longer sentence left alone at
/// nearly the same cost is flagged too, and the message names every sentence that fits about as well.
/// </summary>
public sealed class SentenceAlignmentCheck : ITranslationCheck
{
    const int MinimumWords = 5;

    /// <summary>
    /// How much dearer than the best an alignment may be and still name its lonely sentence: just under a gap, as
    /// languages differ in length sentence by sentence (a Kiswahili verb is an English clause) more than the pair's one
    /// ratio says.
    /// </summary>
    const double AlmostAsGood = 0.9;

    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var ratio = SentenceAligner.Ratio(pair);
        foreach (var (s, t) in pair.Matched)
        {
            var (ss, ts) = (SentenceAligner.Sentences(s.Text), SentenceAligner.Sentences(t.Text));
            if (ss.Count < 2 || ts.Count == 0)
                continue;
            var substantive = Enumerable
                .Range(0, ss.Count)
                .Where(i => TranslationPair.Words(ss[i]) >= MinimumWords)
                .ToList();
            var dropped = SentenceAligner
                .Align(ss, ts, ratio)
                .Where(b => b.Translation.Count == 0)
                .Select(b => b.Source[0])
                .Where(substantive.Contains)
                .ToList();
            var others = new List<int>();
            if (ss.Count > ts.Count)
            {
                var best = SentenceAligner.Cost(ss, ts, ratio);
                others = substantive
                    .Except(dropped)
                    .Select(i => (Index: i, Cost: SentenceAligner.CostWithout(ss, ts, ratio, i)))
                    .Where(x => x.Cost - best <= AlmostAsGood)
                    .OrderBy(x => x.Cost)
                    .Select(x => x.Index)
                    .ToList();
            }
            if (dropped.Count == 0 && others.Count == 0)
                continue;
            var likely = dropped.Count > 0 ? dropped : others.Take(1).ToList();
            var alike = others.Except(likely).ToList();
            yield return new(
                FlagKinds.DroppedSentence,
                Severity.Medium,
                s.Index,
                t.Index,
                $"{(likely.Count == 1 ? "A sentence" : $"{likely.Count} sentences")} of source turn {s.Index} "
                    + $"{(likely.Count == 1 ? "seems" : "seem")} to have no translation ({ss.Count} sentences, "
                    + $"{ts.Count} in the translation; by their lengths most likely {Describe(likely, ss)}"
                    + (alike.Count > 0 ? $", else sentence {string.Join(" or ", alike.Select(i => i + 1))}" : "")
                    + ")."
            );
        }
    }

    static string Describe(List<int> sentences, List<string> ss) =>
        string.Join(" and ", sentences.Select(i => $"sentence {i + 1}, {TranslationPair.Words(ss[i])} words"));
}
