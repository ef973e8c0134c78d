using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Embeds each distinct text once: keyed by the SHA-256 of its content, so a segment re-suggested after a codebook
/// change, or a coded passage used again as an example, costs a lookup. Bounded: past the limit it starts afresh
/// rather than grow without end in a long-running host.
/// </summary>
public sealed class EmbeddingCache(ISentenceEmbedder inner, int capacity = 100_000) : ISentenceEmbedder
{
    readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    long _computed;

    public int Dimensions => inner.Dimensions;

    public int Count => _vectors.Count;

    /// <summary>How many texts went to the model: the cache's misses.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts) => Cached(texts, "", inner.Embed);

    public IReadOnlyList<float[]> EmbedQueries(IReadOnlyList<string> texts) =>
        Cached(texts, "query:", inner.EmbedQueries);

    IReadOnlyList<float[]> Cached(
        IReadOnlyList<string> texts,
        string kind,
        Func<IReadOnlyList<string>, IReadOnlyList<float[]>> embed
    )
    {
        var keys = texts.Select(t => kind + Key(t)).ToList();
        var missing = keys.Select((k, i) => (k, i))
            .Where(p => !_vectors.ContainsKey(p.k))
            .DistinctBy(p => p.k)
            .ToList();
        if (missing.Count > 0)
        {
            var computed = embed(missing.Select(p => texts[p.i]).ToList());
            if (_vectors.Count + missing.Count > capacity)
                _vectors.Clear();
            for (var j = 0; j < missing.Count; j++)
                _vectors[missing[j].k] = computed[j];
            Interlocked.Add(ref _computed, missing.Count);
        }
        return keys.Select((k, i) => _vectors.TryGetValue(k, out var v) ? v : embed([texts[i]])[0]).ToList();
    }

    static string Key(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
