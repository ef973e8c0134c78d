using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// The words no recognizer took, looked at once more. A known given name or surname written in lower case that is no
/// ordinary word of its sentence's language, or one in a name position, is a person ("i met juma", "my cousin
/// innocent"). What could still identify someone is marked unsure for a person to check: a capitalised word no
/// dictionary of the study languages knows, a long number or a code of letters and digits.
/// </summary>
public static class ClearSpans
{
    public static void Promote(AnalysedText t, IReadOnlySet<string> allowed)
    {
        var added = new List<Detection>();
        for (var i = 0; i < t.Tokens.Count; i++)
        {
            var token = t.Tokens[i];
            if (token.Text.Length < 3 || t.Covered(token)) continue;
            if (token.IsCapitalised)
            {
                // A capitalised word no study language knows, with a person cue around it ("Der Kessler meinte",
                // "Mwanaidi alikuja"), where capitals alone prove nothing (German, a sentence's start).
                if (UnknownWord(t, token, allowed) && NameCues.Around(t.Input, i, i) is { } around)
                    added.Add(TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{IdentifierText.Key(token.Text)}", 44, "cue") with { Reason = $"unknown-word-with-{around}" });
                continue;
            }
            var key = IdentifierText.Key(token.Text);
            var language = t.Input.LanguageAt(token.Start);
            if (!WordLists.Names.Contains(key) && !NameUse.IsWordName(key))
            {
                // A lower-case word no study language knows, after a title or kinship word ("my cousin kato"): a name.
                if (!Lexicons.IsOrdinary(key, null) && !WordLists.FunctionWords.ContainsKey(key) && SpanScorer.CouldBeName(key, allowed)
                    && NameCues.Around(t.Input, i, i) is "kinship" or "title")
                    added.Add(TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "lower-case-name") with { Reason = "lower-case-word-after-cue" });
                continue;
            }
            var ordinary = NameUse.IsWordName(key) || Lexicons.IsOrdinary(key, language) || Lexicons.IsOrdinary(key, null);
            var cue = NameCues.Around(t.Input, i, i);
            if (ordinary && cue is not ("kinship" or "title" or "greeting")) continue;
            added.Add(TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "lower-case-name") with { Reason = ordinary ? $"lower-case-name-{cue}" : "lower-case-known-name" });
        }
        if (added.Count > 0) t.Detections = [.. t.Detections.Concat(added).OrderBy(d => d.Start)];
    }

    public static void MarkUnsure(AnalysedText t, IReadOnlySet<string> allowed)
    {
        for (var i = 0; i < t.Tokens.Count; i++)
        {
            var token = t.Tokens[i];
            if (t.Covered(token) || t.Unsure.Any(u => token.Start < u.Start + u.Length && u.Start < token.End)) continue;
            if (Reason(t, i, allowed) is { } reason) t.Unsure.Add((token.Start, IdentifierText.StripPossessive(token.Text).Length, reason));
        }
    }

    static string? Reason(AnalysedText t, int i, IReadOnlySet<string> allowed)
    {
        var token = t.Tokens[i];
        var text = token.Text;
        var digits = text.Count(char.IsDigit);
        if (digits > 0)
        {
            var letters = text.Count(char.IsLetter);
            if (letters == 0) return digits >= 5 ? "long-number" : null;
            return digits >= 2 && letters >= 1 && text.Length >= 5 && SpanScorer.PublicCategory(IdentifierText.Normalise(text), []) is null ? "code" : null;
        }
        if (!UnknownWord(t, token, allowed)) return null;
        return token.SentenceStart ? "unknown-word-at-sentence-start" : t.Input.LanguageAt(token.Start) is "de" ? "unknown-capitalised-word-de" : "unknown-capitalised-word";
    }

    /// <summary>A capitalised word that could be a name and that no dictionary of the study languages knows.</summary>
    static bool UnknownWord(AnalysedText t, Token token, IReadOnlySet<string> allowed)
    {
        var text = token.Text;
        if (!token.IsCapitalised || text.Length < 3 || text.Any(char.IsDigit) || text.Length <= 5 && text.All(char.IsUpper)) return false;
        var key = IdentifierText.Key(text);
        if (!SpanScorer.CouldBeName(key, allowed) || Lexicons.Population(key) >= 100_000 || WordLists.FunctionWords.ContainsKey(key)) return false;
        var language = t.Input.LanguageAt(token.Start);
        return !Lexicons.IsOrdinary(key, language) && !Lexicons.IsOrdinary(key, null) && !GermanWords.IsNoun(text, key, german: language is "de")
            && !(language is "de" && GermanWords.IsCompound(text) && !Lexicons.IsPersonName(key));
    }
}
