using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.SiteCheck;

/// <summary>
/// The App's one dependence on how Core reports spans it left in clear that a person should check. Offsets and reason
/// only, since what is stored beside the version is read by every role (the text is read back from the restricted
/// original when the check page asks). Core numbers a span by the turn's position; the App stores the turn's index.
/// </summary>
public static class UnsureSpans
{
    /// <summary>The spans of one pseudonymised transcript a person should check, every occurrence (the page decides a text once).</summary>
    public static IReadOnlyList<StoredUnsureSpan> Of(PseudonymisedTranscript result) =>
        [
            .. result
                .UnsureSpans.SelectMany(u => u.Occurrences)
                .Select(u => new StoredUnsureSpan(
                    result.Turns[u.TurnIndex].Index,
                    u.Start,
                    u.End,
                    u.Reason,
                    u.InSpeaker
                )),
        ];
}
