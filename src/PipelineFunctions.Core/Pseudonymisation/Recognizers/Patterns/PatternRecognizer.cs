namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// A recognizer made of data (Data/patterns.json): its patterns' matches, as its kind. Structured identifiers all share
/// one pseudonym per kind (<c>[PHONE]</c>), so their identity is the normalised match itself.
/// </summary>
public sealed class PatternRecognizer(string name, string kind, int priority, IReadOnlyList<IdentifierPattern> patterns)
    : IRecognizer
{
    public string Name => name;

    public string Kind => kind;

    public IReadOnlyList<IdentifierPattern> Patterns => patterns;

    public IEnumerable<Detection> Recognize(RecognitionInput input) =>
        patterns.SelectMany(p => p.Find(input.Text)).Select(g =>
            new Detection(g.Index, g.Length, kind, IdentifierText.Normalise(g.Value), priority, name));
}
