using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// Numbers (in digits, or in words in English, German and Kiswahili), dates and pseudonym placeholders must be the same
/// on both sides of a pair.
/// </summary>
public sealed partial class NumberAndPlaceholderCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        foreach (var (s, t) in pair.Matched)
        {
            var (sp, tp) = (Items(Placeholder(), s.Text), Items(Placeholder(), t.Text));
            if (!sp.SequenceEqual(tp))
                yield return new(
                    FlagKinds.PlaceholderMismatch,
                    Severity.High,
                    s.Index,
                    t.Index,
                    $"Pseudonyms differ: source has {Describe(sp)}, translation has {Describe(tp)}."
                );
            var (sText, tText) = (Placeholder().Replace(s.Text, " "), Placeholder().Replace(t.Text, " "));
            var (sn, tn) = (
                Sorted(NumberWords.All(sText, pair.SourceLanguage)),
                Sorted(NumberWords.All(tText, pair.TranslationLanguage))
            );
            if (sn.SequenceEqual(tn))
                continue;
            // Digits that differ are a changed number; a number only one side writes in words may be one lost in translation.
            var digitsDiffer = !Sorted(NumberWords.Digits(sText)).SequenceEqual(Sorted(NumberWords.Digits(tText)));
            yield return new(
                FlagKinds.NumberMismatch,
                digitsDiffer ? Severity.High : Severity.Medium,
                s.Index,
                t.Index,
                $"Numbers differ (digits or words): source has {Describe(sn)}, translation has {Describe(tn)}."
            );
        }
    }

    static List<string> Items(Regex pattern, string text) =>
        pattern
            .Matches(text)
            .Select(m => m.Value.Replace(",", "").Replace(" ", ""))
            .Order(StringComparer.Ordinal)
            .ToList();

    static List<string> Sorted(IEnumerable<double> values) =>
        values
            .Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
            .ToList();

    static string Describe(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    [GeneratedRegex(@"\[[A-Za-z]+(?:-\d+)?\]")]
    private static partial Regex Placeholder();
}
