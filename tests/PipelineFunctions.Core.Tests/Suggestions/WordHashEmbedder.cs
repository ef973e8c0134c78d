using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>A stand-in for the sentence model in pure-logic tests: words hashed into 64 dimensions. Counts its calls.</summary>
sealed class WordHashEmbedder : ISentenceEmbedder
{
    public int Dimensions => 64;
    public int Texts { get; private set; }

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        Texts += texts.Count;
        return texts
            .Select(t =>
            {
                var v = new float[Dimensions];
                foreach (
                    var w in t.ToLowerInvariant()
                        .Split([' ', '.', ',', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                )
                    v[(int)((uint)StringComparer.Ordinal.GetHashCode(w) % Dimensions)] += 1;
                v[0] += 0.01f; // never the zero vector
                return Vectors.Normalised(v);
            })
            .ToList();
    }
}
