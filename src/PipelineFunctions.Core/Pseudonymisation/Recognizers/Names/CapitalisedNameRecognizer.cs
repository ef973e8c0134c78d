namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Capitalised words inside a sentence that are not common words, the study's own vocabulary or its codebook terms:
/// most are names nobody listed. Consecutive ones are one name. At a sentence start, where capitals prove nothing, an
/// English sentence's word counts only when it is no ordinary English word. Not used in German sentences (detected per
/// sentence, whatever the upload declared), where every noun is capitalised, nor for scripts without capitals.
/// </summary>
public sealed class CapitalisedNameRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    public string Name => "capitalised";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        if (input.Language is "de" && input.Stretches is null)
            yield break;
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var language = input.LanguageAt(tokens[i].Start);
            if (
                language is "de"
                || !Candidate(tokens[i])
                || (tokens[i].SentenceStart && !UnusualSentenceStart(tokens[i], language))
            )
                continue;
            var n = 1;
            while (
                i + n < tokens.Count
                && Candidate(tokens[i + n])
                && !tokens[i + n].SentenceStart
                && input.Text.AsSpan(tokens[i + n - 1].End, tokens[i + n].Start - tokens[i + n - 1].End).Trim().Length
                    == 0
                && n < 4
            )
                n++;
            var d = TokenRuns.Span(tokens, i, n, "PERSON", "", 40, Name);
            yield return d with
            {
                Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length))}",
            };
            i += n - 1;
        }
    }

    static bool UnusualSentenceStart(Token token, string? language) =>
        language is null or "en"
        && token.Text.Length > 2
        && !WordLists.English.Contains(IdentifierText.Normalise(token.Text));

    bool Candidate(Token token)
    {
        // Words with digits are codes (IDs, dates, room numbers); the structured recognizers judge those.
        if (!token.IsCapitalised || token.Text.Length < 2 || token.Text.Any(char.IsDigit))
            return false;
        // An acronym in capitals (PSW, HIV) is a role or a term, not a person.
        if (token.Text.Length <= 5 && token.Text.All(c => char.IsUpper(c) || char.IsDigit(c)))
            return false;
        var key = IdentifierText.Normalise(token.Text);
        // A German noun dropped into another language's sentence ("we had the Besprechung") is no name either.
        return !WordLists.Common.Contains(key)
            && !allowed.Contains(key)
            && !WordLists.TitleNouns.Contains(key)
            && !WordLists.Titles.Contains(key)
            && !GermanWords.IsNoun(token.Text, key, german: false);
    }
}
