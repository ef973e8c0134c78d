namespace PipelineFunctions.Core.Pseudonymisation.Languages;

/// <summary>
/// The language of each sentence of a turn, whatever the upload declared: code-switched talk changes language mid-turn,
/// and each language has its own capitalisation and word lists. Function words decide (en, de, sw), which is cheap enough
/// to run on every sentence; a sentence with none takes its turn's majority, else the declared language (so languages
/// without a list here, Hebrew or Luganda, keep the declared one).
/// </summary>
public static class StretchLanguages
{
    public static IReadOnlyList<LanguageStretch> Of(string text, IReadOnlyList<Token> tokens, string? declared)
    {
        var sentences = new List<(int Start, int End, string? Language)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var turn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; )
        {
            var start = i;
            counts.Clear();
            do
            {
                if (WordLists.FunctionWords.TryGetValue(tokens[i].Text, out var language))
                    counts[language] = counts.GetValueOrDefault(language) + 1;
                i++;
            } while (i < tokens.Count && !tokens[i].SentenceStart);
            var best = Best(counts, declared);
            if (best is not null)
                turn[best] = turn.GetValueOrDefault(best) + counts[best];
            sentences.Add(
                (start == 0 ? 0 : tokens[start].Start, i < tokens.Count ? tokens[i].Start : text.Length, best)
            );
        }
        var fallback = Best(turn, declared) ?? declared;
        return sentences.Select(s => new LanguageStretch(s.Start, s.End, s.Language ?? fallback)).ToList();
    }

    /// <summary>The language with most function words; a tie goes to the declared language when it is one of them.</summary>
    static string? Best(Dictionary<string, int> counts, string? declared)
    {
        string? best = null;
        var most = 0;
        foreach (var (language, n) in counts)
            if (n > most || (n == most && language == declared))
                (best, most) = (language, n);
        return best;
    }
}
