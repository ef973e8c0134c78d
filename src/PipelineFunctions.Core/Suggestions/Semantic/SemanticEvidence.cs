namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Why a code was suggested, in the coder's terms: which phrase of the code's definition the passage's closest sentence
/// matches, and the passage the coders themselves gave that code that is nearest to this one. A sentence with too
/// little of its own to say (<see cref="Substance"/>: only a placeholder, a place or a year beside common words) is
/// never quoted, and placeholders never are.
/// </summary>
public sealed class SemanticEvidence(CodeProfiles codes)
{
    const int QuoteChars = 100;
    const double NearEnough = 0.3;

    /// <summary>Under this likeness a sentence is not shown as matching the definition: the ranking came from the whole passage.</summary>
    const double PhraseFloor = 0.2;

    /// <param name="phrases">The passage's phrases (<see cref="PassageChunks.Phrases"/>) and their vectors.</param>
    /// <param name="coded">The passages coders gave this code, with their vectors.</param>
    public IReadOnlyList<string> For(
        IReadOnlyList<string> phrases,
        IReadOnlyList<float[]> phraseVectors,
        float[] passage,
        ParentRollup.Ranked code,
        IEnumerable<(string Text, float[] Vector)> coded
    )
    {
        var evidence = new List<string>();
        if (code.Reason is not null)
            evidence.Add(code.Reason);
        var definitions = codes.DefinitionPhrases[code.CodeId];
        var best = Enumerable
            .Range(0, phrases.Count)
            .Where(i => Substance.Enough(phrases[i]))
            .SelectMany(i =>
                definitions.Select(d =>
                    (Phrase: i, Definition: d.Text, Similarity: Vectors.Dot(phraseVectors[i], d.Vector))
                )
            )
            .DefaultIfEmpty((Phrase: -1, Definition: "", Similarity: 0.0))
            .MaxBy(p => p.Similarity);
        evidence.Add(
            best.Phrase >= 0 && best.Similarity >= PhraseFloor
                ? $"matches the definition's \"{Quote(best.Definition)}\": \"{Quote(phrases[best.Phrase])}\""
                : "no one sentence matches the definition: ranked on the passage as a whole"
        );
        var nearest = coded
            .Select(c => (c.Text, Similarity: Vectors.Dot(passage, c.Vector)))
            .Where(c => c.Similarity >= NearEnough)
            .OrderByDescending(c => c.Similarity)
            .FirstOrDefault();
        if (nearest.Text is not null)
            evidence.Add($"nearest passage coded {code.Name} ({nearest.Similarity:F2}): \"{Quote(nearest.Text)}\"");
        return evidence;
    }

    static string Quote(string text)
    {
        var clean = string.Join(
            ' ',
            Placeholders.Remove(text, " … ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
        );
        return clean.Length > QuoteChars ? clean[..QuoteChars].TrimEnd() + "…" : clean;
    }
}
