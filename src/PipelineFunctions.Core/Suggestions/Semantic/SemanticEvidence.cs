namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Why a code was suggested, in the coder's terms: the phrase of the passage closest to the code's definition, and
/// the passages the coders themselves gave that code that are nearest to this one. Placeholders are never quoted.
/// </summary>
public sealed class SemanticEvidence(CodeProfiles codes, ISentenceEmbedder embedder)
{
    const int QuoteChars = 100;
    const double NearEnough = 0.3;

    public IReadOnlyList<string> For(string text, float[] passage, string codeId, string codeName, string? reason, IEnumerable<(string Text, float[] Vector)> coded)
    {
        var evidence = new List<string>();
        if (reason is not null) evidence.Add(reason);
        var phrases = PassageChunks.Phrases(text);
        var vectors = phrases.Count == 1 ? [passage] : embedder.Embed(phrases.Select(Placeholders.Neutralise).ToList());
        var best = Enumerable.Range(0, phrases.Count).MaxBy(i => Vectors.Dot(vectors[i], codes.Definition[codeId]));
        evidence.Add($"closest to the definition: \"{Quote(phrases[best])}\"");
        foreach (var (example, similarity) in coded.Select(c => (c.Text, Similarity: Vectors.Dot(passage, c.Vector)))
                     .Where(c => c.Similarity >= NearEnough).OrderByDescending(c => c.Similarity).Take(2))
            evidence.Add($"near a passage coded {codeName} ({similarity:F2}): \"{Quote(example)}\"");
        return evidence;
    }

    static string Quote(string text)
    {
        var clean = string.Join(' ', Placeholders.Remove(text, " … ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return clean.Length > QuoteChars ? clean[..QuoteChars].TrimEnd() + "…" : clean;
    }
}
