using System.Collections.Concurrent;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// The process's models behind one content-hash cache per design, all made on first use: every engine built in the
/// process (one per transcript in the pipeline) shares them, so a passage seen before is never embedded again.
/// </summary>
public static class SharedEmbeddings
{
    /// <summary>
    /// The engine's model. MiniLM and ArcticXs side by side ("both", which the CLI can add) ranked better zero-shot on
    /// every unseen codebook but shifts every likeness the abstention, evidence and proposal thresholds were set on.
    /// </summary>
    public const string DefaultModels = "minilm";

    static readonly ConcurrentDictionary<string, Func<ISentenceEmbedder>> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["minilm"] = () => SentenceModel.MiniLm,
    };

    /// <summary>Makes another design available by name (the CLI adds "arctic" and "both" to measure them).</summary>
    public static void Register(string name, Func<ISentenceEmbedder> create) => Models.TryAdd(name, create);

    static readonly ConcurrentDictionary<string, Lazy<EmbeddingCache>> Caches = new(StringComparer.OrdinalIgnoreCase);

    public static EmbeddingCache Instance => For(DefaultModels);

    public static EmbeddingCache For(string models) =>
        Caches
            .GetOrAdd(
                models,
                m => new Lazy<EmbeddingCache>(
                    () => new EmbeddingCache(Create(m)),
                    LazyThreadSafetyMode.ExecutionAndPublication
                )
            )
            .Value;

    static ISentenceEmbedder Create(string models) =>
        Models.TryGetValue(models, out var create)
            ? create()
            : throw new ArgumentException($"Unknown models '{models}': {string.Join(", ", Models.Keys)}.");
}
