namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A sentence dropped inside a turn: each aligned pair's sentences are lined up (<see cref="SentenceAligner"/>), and a
/// source sentence of several words left without a partner is flagged, whether or not the whole turn looks short and
/// however many sentences the translation has (a translator who splits one sentence and drops another keeps the count).
/// </summary>
public sealed class SentenceAlignmentCheck : ITranslationCheck
{
    const int MinimumWords = 5;

    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var ratio = SentenceAligner.Ratio(pair);
        foreach (var (s, t) in pair.Matched)
        {
            var (ss, ts) = (SentenceAligner.Sentences(s.Text), SentenceAligner.Sentences(t.Text));
            if (ss.Count < 2 || ts.Count == 0)
                continue;
            foreach (var bead in SentenceAligner.Align(ss, ts, ratio).Where(b => b.Translation.Count == 0))
            {
                var dropped = bead.Source[0];
                if (TranslationPair.Words(ss[dropped]) < MinimumWords)
                    continue;
                // Lengths tell that a sentence is missing more surely than which one, so the message says "most likely".
                yield return new(
                    "dropped-sentence",
                    Severity.Medium,
                    s.Index,
                    t.Index,
                    $"A sentence of source turn {s.Index} seems to have no translation ({ss.Count} sentences, {ts.Count} in the translation; by their lengths most likely sentence {dropped + 1}, {TranslationPair.Words(ss[dropped])} words)."
                );
            }
        }
    }
}
