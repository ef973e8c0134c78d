namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// How a pseudonym reads: <c>[PERSON-7]</c> (numbered, so coders can follow who is who), <c>[PERSON]</c> (typed only),
/// or the published-quote convention <c>[name]</c>, <c>[place]</c>, <c>[hospital]</c>.
/// </summary>
public enum PlaceholderStyle
{
    Numbered,
    Typed,
    Quote,
}
