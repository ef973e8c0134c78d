namespace PipelineFunctions.Core.Pseudonymisation.Recognizers;

/// <summary>What a recognizer looks at: a text, its words, and the language it is in (when known).</summary>
public sealed record RecognitionInput(string Text, IReadOnlyList<Token> Tokens, string? Language);

/// <summary>Finds one kind of identifier. Each lives in its own file with its patterns, lists and validation.</summary>
public interface IRecognizer
{
    string Name { get; }

    IEnumerable<Detection> Recognize(RecognitionInput input);
}
