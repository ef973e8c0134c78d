namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Why a code was suggested, in the coder's terms: the phrase of the passage closest to the code's definition, and
/// the passages the coders themselves gave that code that are nearest to this one. Placeholders are never quoted.
/// </summary>
public sealed class SemanticEvidence(CodeProfiles codes)
{
    const int QuoteChars = 100;
    const double NearEnough = 0.3;

    /// <param name="phrases">The passage's phrases (<see cref="PassageChunks.Phrases"/>) and their vectors.</param>
    /// <param name="coded">The passages coders gave this code, with their vectors.</param>
    public IReadOnlyList<string> For(IReadOnlyList<string> phrases, IReadOnlyList<float[]> phraseVectors, float[] passage, ParentRollup.Ranked code,
        IEnumerable<(string Text, float[] Vector)> coded)
    {
        var evidence = new List<string>();
        if (code.Reason is not null) evidence.Add(code.Reason);
        var best = Enumerable.Range(0, phrases.Count).MaxBy(i => Vectors.Dot(phraseVectors[i], codes.Definition[code.CodeId]));
        evidence.Add($"closest to the definition: \"{Quote(phrases[best])}\"");
        foreach (var (example, similarity) in coded.Select(c => (c.Text, Similarity: Vectors.Dot(passage, c.Vector)))
                     .Where(c => c.Similarity >= NearEnough).OrderByDescending(c => c.Similarity).Take(2))
            evidence.Add($"near a passage coded {code.Name} ({similarity:F2}): \"{Quote(example)}\"");
        return evidence;
    }

    static string Quote(string text)
    {
        var clean = string.Join(' ', Placeholders.Remove(text, " … ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return clean.Length > QuoteChars ? clean[..QuoteChars].TrimEnd() + "…" : clean;
    }
}
