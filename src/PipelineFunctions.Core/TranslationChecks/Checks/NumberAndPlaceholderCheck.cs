using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>Numbers (as digits), dates and pseudonym placeholders must be the same on both sides of a pair.</summary>
public sealed partial class NumberAndPlaceholderCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        foreach (var (s, t) in pair.Matched)
        {
            var (sp, tp) = (Items(Placeholder(), s.Text), Items(Placeholder(), t.Text));
            if (!sp.SequenceEqual(tp))
                yield return new("placeholder-mismatch", Severity.High, s.Index, t.Index,
                    $"Pseudonyms differ: source has {Describe(sp)}, translation has {Describe(tp)}.");
            var (sn, tn) = (Items(Number(), Placeholder().Replace(s.Text, " ")), Items(Number(), Placeholder().Replace(t.Text, " ")));
            if (!sn.SequenceEqual(tn))
                yield return new("number-mismatch", Severity.High, s.Index, t.Index,
                    $"Numbers differ: source has {Describe(sn)}, translation has {Describe(tn)}.");
        }
    }

    static List<string> Items(Regex pattern, string text) =>
        pattern.Matches(text).Select(m => m.Value.Replace(",", "").Replace(" ", "")).Order(StringComparer.Ordinal).ToList();

    static string Describe(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    [GeneratedRegex(@"\[[A-Za-z]+(?:-\d+)?\]")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?![\p{L}\d])")]
    private static partial Regex Number();
}
