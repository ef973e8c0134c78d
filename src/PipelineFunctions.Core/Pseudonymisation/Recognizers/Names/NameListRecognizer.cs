namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Given names and surnames common at the study sites, capitalised, wherever they stand (sentence starts too); a name
/// that is also a word (Neema, Baraka) only where it acts as a name.
/// </summary>
public sealed class NameListRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    public string Name => "name-list";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCapitalised || !IsName(tokens[i].Text, out var key))
                continue;
            // An acronym in capitals ("the ASHA worker") is a role or a term, not the name it spells.
            if (tokens[i].Text.Length is > 1 and <= 5 && tokens[i].Text.All(char.IsUpper) && !input.IsSpeaker)
                continue;
            if (NameUse.IsWordName(key) && !NameUse.AsName(input, i))
                continue;
            // A known name pulls in the capitalised words after it ("Juma Mwakyusa", "Nakato Sarah"), never a noun or a job title.
            var n = 1;
            while (
                i + n < tokens.Count
                && tokens[i + n].IsCapitalised
                && Joins(input, tokens[i + n])
                && input.Text.AsSpan(tokens[i + n - 1].End, tokens[i + n].Start - tokens[i + n - 1].End).Trim().Length
                    == 0
                && n < 4
            )
                n++;
            var d = TokenRuns.Span(tokens, i, n, "PERSON", "", 50, Name);
            yield return d with
            {
                Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length))}",
            };
            i += n - 1;
        }
    }

    bool IsName(string word, out string key)
    {
        key = IdentifierText.Normalise(word);
        return WordLists.Names.Contains(key) && !allowed.Contains(key);
    }

    bool Joins(RecognitionInput input, Token next)
    {
        var key = IdentifierText.Normalise(next.Text);
        if (WordLists.Common.Contains(key) || allowed.Contains(key) || WordLists.GermanNouns.Contains(key))
            return false;
        return input.LanguageAt(next.Start) != "de" || WordLists.Names.Contains(key);
    }
}
