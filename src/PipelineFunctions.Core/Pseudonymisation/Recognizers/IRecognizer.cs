using PipelineFunctions.Core.Pseudonymisation.Languages;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers;

/// <summary>
/// What a recognizer looks at: a text, its words, the language the upload declared (when known), the language of each
/// stretch as detected, and whether the text is a speaker label (where a name is always a name).
/// </summary>
public sealed record RecognitionInput(
    string Text,
    IReadOnlyList<Token> Tokens,
    string? Language,
    IReadOnlyList<LanguageStretch>? Stretches = null,
    bool IsSpeaker = false
)
{
    /// <summary>The detected language at a position, else the declared one.</summary>
    public string? LanguageAt(int position)
    {
        if (Stretches is null)
            return Language;
        foreach (var s in Stretches)
            if (position < s.End)
                return s.Language;
        return Language;
    }
}

/// <summary>Finds one kind of identifier. Each lives in its own file with its patterns, lists and validation.</summary>
public interface IRecognizer
{
    string Name { get; }

    IEnumerable<Detection> Recognize(RecognitionInput input);
}
