using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A sentence negated on one side only ("nie unterstützt" → "always felt supported"): the meaning may be reversed.
/// Compared per aligned sentence (<see cref="SentenceAligner"/>), so a turn that keeps another negation still shows the
/// reversed one. Low, as translators may turn a negation into its opposite word ("not easy" → "hard"). Kiswahili
/// negates in the verb (si-/ha-/hatu-/hawa- with -ku-, -ja-, -ta-), so its verbs are read too.
/// </summary>
public sealed partial class NegationCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var ratio = SentenceAligner.Ratio(pair);
        foreach (var (s, t) in pair.Matched)
        {
            var (ss, ts) = (SentenceAligner.Sentences(s.Text), SentenceAligner.Sentences(t.Text));
            foreach (
                var bead in SentenceAligner
                    .Align(ss, ts, ratio)
                    .Where(b => b.Source.Count > 0 && b.Translation.Count > 0)
            )
            {
                var sn = bead.Source.Sum(i => Count(ss[i], pair.SourceLanguage));
                var tn = bead.Translation.Sum(i => Count(ts[i], pair.TranslationLanguage));
                if (sn > 0 == tn > 0)
                    continue;
                var where = ss.Count == 1 ? "" : $"sentence {bead.Source[0] + 1} of ";
                yield return new(
                    FlagKinds.Negation,
                    Severity.Low,
                    s.Index,
                    t.Index,
                    sn > 0
                        ? $"In {where}source turn {s.Index} the source is negated ({sn} cue{(sn == 1 ? "" : "s")}) but its translation is not: check the meaning was kept."
                        : $"In {where}source turn {s.Index} the translation is negated ({tn} cue{(tn == 1 ? "" : "s")}) but its source is not: check the meaning was kept."
                );
            }
        }
    }

    static int Count(string text, string language)
    {
        var cues = CueWords.Negations(language);
        var n = 0;
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value.ToLowerInvariant();
            if (
                cues.Contains(w)
                || (language == "en" && w.EndsWith("n't", StringComparison.Ordinal))
                || (language == "sw" && SwahiliNegativeVerb().IsMatch(w))
            )
                n++;
        }
        return n;
    }

    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)?")]
    private static partial Regex Word();

    /// <summary>
    /// Past and future negatives (si-ku-, ha-ja-, hatu-ta-, hawa-ku-: "sikuwahi", "hakupata"), present negatives with a
    /// plural or class subject ending in -i ("hawatualiki"), and negative relatives (-sizo-, -siye-, -sio-: "zisizo").
    /// </summary>
    [GeneratedRegex(
        @"^(?:(?:si|ha|hatu|ham|hawa)(?:ku|ja|ta)\p{L}{3,}|(?:hawa|hatu|hamu|hayu|hazi|havi|haki|hai)\p{L}{2,}i|\p{L}{1,4}(?:siyo|sizo|sio|siye|sicho|sivyo|sipo|sije)\p{L}*)$"
    )]
    private static partial Regex SwahiliNegativeVerb();
}
