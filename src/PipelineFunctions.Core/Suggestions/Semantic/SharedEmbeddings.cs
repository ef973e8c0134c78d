using System.Collections.Concurrent;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// The process's models behind one content-hash cache per design, all made on first use: every engine built in the
/// process (one per transcript in the pipeline) shares them, so a passage seen before is never embedded again.
/// </summary>
public static class SharedEmbeddings
{
    /// <summary>The engine's models: "minilm", "arctic", or "both" (the default).</summary>
    public const string DefaultModels = "both";

    static readonly ConcurrentDictionary<string, Lazy<EmbeddingCache>> Caches = new(StringComparer.OrdinalIgnoreCase);

    public static EmbeddingCache Instance => For(DefaultModels);

    public static EmbeddingCache For(string models) =>
        Caches.GetOrAdd(models, m => new Lazy<EmbeddingCache>(() => new EmbeddingCache(Create(m)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    static ISentenceEmbedder Create(string models) => models.ToLowerInvariant() switch
    {
        "minilm" => SentenceModel.MiniLm,
        "arctic" => SentenceModel.ArcticXs,
        "both" => new CombinedEmbedder(SentenceModel.MiniLm, SentenceModel.ArcticXs),
        _ => throw new ArgumentException($"Unknown models '{models}': minilm, arctic or both."),
    };
}
