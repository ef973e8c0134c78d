namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>Turns texts into unit-length vectors whose dot product measures likeness of meaning.</summary>
public interface ISentenceEmbedder
{
    int Dimensions { get; }

    /// <summary>One vector per text, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts);

    /// <summary>
    /// Texts that are looked for rather than found (a code's description, held against passages): a retrieval model
    /// embeds them with its query instruction; a symmetric model as any text.
    /// </summary>
    IReadOnlyList<float[]> EmbedQueries(IReadOnlyList<string> texts) => Embed(texts);
}
