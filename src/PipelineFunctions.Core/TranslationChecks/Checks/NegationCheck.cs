using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A turn negated on one side only ("nie unterstützt" → "always felt supported"): the meaning may be reversed. Low, as
/// translators may turn a negation into its opposite word ("not easy" → "hard"). Kiswahili negates in the verb
/// (si-/ha-/hatu-/hawa- with -ku-, -ja-, -ta-), so its verbs are read too.
/// </summary>
public sealed partial class NegationCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        foreach (var (s, t) in pair.Matched)
        {
            var (sn, tn) = (Count(s.Text, pair.SourceLanguage), Count(t.Text, pair.TranslationLanguage));
            if (sn > 0 == tn > 0) continue;
            yield return new("negation", Severity.Low, s.Index, t.Index, sn > 0
                ? $"Source turn {s.Index} is negated ({sn} cue{(sn == 1 ? "" : "s")}) but its translation is not: check the meaning was kept."
                : $"Translation turn {t.Index} is negated ({tn} cue{(tn == 1 ? "" : "s")}) but its source is not: check the meaning was kept.");
        }
    }

    static int Count(string text, string language)
    {
        var cues = CueWords.Negations(language);
        var n = 0;
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value.ToLowerInvariant();
            if (cues.Contains(w) || (language == "en" && w.EndsWith("n't", StringComparison.Ordinal)) || (language == "sw" && SwahiliNegativeVerb().IsMatch(w))) n++;
        }
        return n;
    }

    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)?")]
    private static partial Regex Word();

    /// <summary>
    /// Past and future negatives (si-ku-, ha-ja-, hatu-ta-, hawa-ku-: "sikuwahi", "hakupata"), present negatives with a
    /// plural or class subject ending in -i ("hawatualiki"), and negative relatives (-sizo-, -siye-, -sio-: "zisizo").
    /// </summary>
    [GeneratedRegex(@"^(?:(?:si|ha|hatu|ham|hawa)(?:ku|ja|ta)\p{L}{3,}|(?:hawa|hatu|hamu|hayu|hazi|havi|haki|hai)\p{L}{2,}i|\p{L}{1,4}(?:siyo|sizo|sio|siye|sicho|sivyo|sipo|sije)\p{L}*)$")]
    private static partial Regex SwahiliNegativeVerb();
}
