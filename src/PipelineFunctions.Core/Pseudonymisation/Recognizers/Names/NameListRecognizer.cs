namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>Given names and surnames common at the study sites, capitalised, wherever they stand (sentence starts too).</summary>
public sealed class NameListRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    public string Name => "name-list";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCapitalised || !IsName(tokens[i].Text)) continue;
            // A known name pulls in the capitalised words around it: "Juma Mwakyusa", "Nakato Sarah".
            var n = 1;
            while (i + n < tokens.Count && tokens[i + n].IsCapitalised && !WordLists.Common.Contains(IdentifierText.Normalise(tokens[i + n].Text))
                   && input.Text.AsSpan(tokens[i + n - 1].End, tokens[i + n].Start - tokens[i + n - 1].End).Trim().Length == 0 && n < 4)
                n++;
            var d = TokenRuns.Span(tokens, i, n, "PERSON", "", 50, Name);
            yield return d with { Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length))}" };
            i += n - 1;
        }
    }

    bool IsName(string word)
    {
        var key = IdentifierText.Normalise(word);
        return WordLists.Names.Contains(key) && !allowed.Contains(key);
    }
}
