using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers;

/// <summary>
/// The shared shape of the structured recognizers: a pattern, an optional validation (a checksum, a digit count),
/// and the kind it reports. Structured identifiers all share one pseudonym per kind (<c>[PHONE]</c>), so their
/// identity is the normalised match itself.
/// </summary>
public abstract class PatternRecognizer(string kind, int priority) : IRecognizer
{
    public abstract string Name { get; }

    protected abstract Regex Pattern { get; }

    protected virtual bool IsValid(Match match) => true;

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        foreach (Match m in Pattern.Matches(input.Text))
        {
            var group = m.Groups["value"].Success ? m.Groups["value"] : m.Groups[0];
            if (IsValid(m)) yield return new Detection(group.Index, group.Length, kind, IdentifierText.Normalise(group.Value), priority, Name);
        }
    }
}
