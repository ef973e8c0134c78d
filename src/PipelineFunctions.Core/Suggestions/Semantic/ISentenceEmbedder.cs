namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>Turns texts into unit-length vectors whose dot product measures likeness of meaning.</summary>
public interface ISentenceEmbedder
{
    int Dimensions { get; }

    /// <summary>One vector per text, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts);
}
