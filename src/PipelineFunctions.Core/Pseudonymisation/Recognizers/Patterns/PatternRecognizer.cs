namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// A recognizer made of data (Data/patterns.json): its patterns' matches, as its kind. Structured identifiers all share
/// one pseudonym per kind (<c>[PHONE]</c>), so their identity is the normalised match itself; a place found by its
/// pattern is a name as other recognizers find it, so it keeps one numbered pseudonym whoever finds it.
/// </summary>
public sealed class PatternRecognizer(string name, string kind, int priority, IReadOnlyList<IdentifierPattern> patterns)
    : IRecognizer
{
    public string Name => name;

    public string Kind => kind;

    public IReadOnlyList<IdentifierPattern> Patterns => patterns;

    public IEnumerable<Detection> Recognize(RecognitionInput input) =>
        patterns
            .SelectMany(p => p.Find(input.Text))
            .Select(g => new Detection(g.Index, g.Length, kind, Identity(g.Value), priority, name));

    string Identity(string value) =>
        IdentifierKinds.IsNumbered(kind) ? $"name:{IdentifierText.Normalise(value)}" : IdentifierText.Normalise(value);
}
