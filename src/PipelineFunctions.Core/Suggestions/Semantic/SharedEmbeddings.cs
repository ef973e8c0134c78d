namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// The process's one model behind one content-hash cache, both made on first use: every engine built in the
/// process (one per transcript in the pipeline) shares them, so a passage seen before is never embedded again.
/// </summary>
public static class SharedEmbeddings
{
    static readonly Lazy<EmbeddingCache> Cache = new(() => new EmbeddingCache(MiniLmEmbedder.Shared), LazyThreadSafetyMode.ExecutionAndPublication);

    public static EmbeddingCache Instance => Cache.Value;
}
