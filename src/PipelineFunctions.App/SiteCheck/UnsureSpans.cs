using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.SiteCheck;

/// <summary>
/// The App's one dependence on how Core reports spans it left in clear that a person should check (turn, offsets into
/// the original turn, reason). Today's pseudonymiser reports none; when Core returns them beside its replacements, they
/// are mapped here and nowhere else: offsets and reason only, since what is stored beside the version is read by every
/// role (the text is read back from the restricted original when the check page asks).
/// </summary>
public static class UnsureSpans
{
    /// <summary>The spans of one pseudonymised transcript a person should check; none until Core reports them.</summary>
#pragma warning disable IDE0060 // the result is where Core's spans will come from
    public static IReadOnlyList<StoredUnsureSpan> Of(PseudonymisedTranscript result) => [];
#pragma warning restore IDE0060
}
