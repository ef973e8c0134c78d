namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// An identifier found in a text: where, what kind (PERSON, PLACE, HOSPITAL, ORGANISATION, PHONE, EMAIL, URL, HANDLE,
/// ID, DATE, OTHER), the identity it names (so one person gets one pseudonym however written), and who found it.
/// Higher priority wins an overlap. <paramref name="Reason"/>: the scorer's reason when it decided (else the recognizer's name).
/// </summary>
public sealed record Detection(
    int Start,
    int Length,
    string Kind,
    string Identity,
    int Priority,
    string Recognizer,
    string Reason = ""
)
{
    public int End => Start + Length;
}
