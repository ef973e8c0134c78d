namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Unlisted names in German sentences, where every noun is capitalised and capitals alone prove nothing: a capitalised
/// word that is no known noun and has no noun ending, right after a word that introduces a person rather than a noun
/// ("hab ich Annegret kennengelernt", "hieß Gottfried", "mit Annegret"). After an article it is a noun, and after
/// "mir" or "dich" mostly too ("macht mir Freude").
/// </summary>
public sealed class GermanNameRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    static readonly IReadOnlySet<string> PersonCues = WordLists.Cues("german-person");
    static readonly IReadOnlySet<string> Articles = WordLists.Cues("german-article");

    public string Name => "german-name";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        if (input.Stretches is null && input.Language != "de")
            yield break;
        var tokens = input.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (
                !t.IsCapitalised
                || t.SentenceStart
                || t.Text.Length < 3
                || t.Text.Any(char.IsDigit)
                || t.Text.All(char.IsUpper)
            )
                continue;
            if (input.LanguageAt(t.Start) != "de")
                continue;
            var key = IdentifierText.Normalise(t.Text);
            // "die Gabi", "der Paul": an article before a given name or surname that is no noun of the dictionary.
            if (
                !PersonCues.Contains(tokens[i - 1].Text)
                && !(
                    Articles.Contains(tokens[i - 1].Text)
                    && Evidence.Lexicons.IsPersonName(key)
                    && !Evidence.Lexicons.IsOrdinary(key, "de")
                )
            )
                continue;
            if (GermanWords.IsCompound(t.Text) && !Evidence.Lexicons.IsPersonName(key))
                continue;
            if (
                WordLists.Common.Contains(key)
                || allowed.Contains(key)
                || WordLists.Titles.Contains(key)
                || WordLists.TitleNouns.Contains(key)
                || GermanWords.IsNoun(t.Text, key)
                || WordLists.English.Contains(key)
            )
                continue;
            var d = TokenRuns.Span(tokens, i, 1, "PERSON", "", 45, Name);
            yield return d with
            {
                Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length))}",
            };
        }
    }
}
