namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// A passage as the engine reads it: its phrases (<see cref="PassageChunks.Phrases"/>) with their vectors, and the
/// passage's own vector as their normalised mean, so each word goes through the model once. Embedding the passage
/// whole as well, as before issue #22, ran every word through it twice: half of an interview's suggest step.
/// A passage of one phrase is embedded whole (the phrase may leave out a word or two).
/// </summary>
public sealed record PassageVectors(IReadOnlyList<string> Phrases, IReadOnlyList<float[]> PhraseVectors, float[] Vector)
{
    /// <summary>What the model is given for these passages, in order (placeholders read as "someone"/"somewhere").</summary>
    public static List<string> Inputs(IReadOnlyList<string> passages) =>
        Inputs(passages, passages.Select(PassageChunks.Phrases).ToList());

    /// <summary>Every passage's vectors, from one call to the model so it runs full batches.</summary>
    public static List<PassageVectors> Embed(ISentenceEmbedder embedder, IReadOnlyList<string> passages)
    {
        var phrases = passages.Select(PassageChunks.Phrases).ToList();
        var inputs = Inputs(passages, phrases);
        var vectors = inputs.Count == 0 ? [] : embedder.Embed(inputs);
        var result = new List<PassageVectors>(passages.Count);
        var next = 0;
        foreach (var own in phrases)
        {
            if (own.Count > 1)
            {
                var phraseVectors = Enumerable.Range(next, own.Count).Select(i => vectors[i]).ToList();
                result.Add(new PassageVectors(own, phraseVectors, Vectors.Mean(phraseVectors)));
                next += own.Count;
            }
            else
            {
                result.Add(new PassageVectors(own, [vectors[next]], vectors[next]));
                next++;
            }
        }
        return result;
    }

    static List<string> Inputs(IReadOnlyList<string> passages, List<IReadOnlyList<string>> phrases) =>
        passages.SelectMany((t, i) => phrases[i].Count > 1 ? phrases[i] : [t]).Select(Placeholders.Neutralise).ToList();
}
