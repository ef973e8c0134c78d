using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Coding;

/// <summary>What a consensus request does: saves the final coding, records one coder's confirmation, or is refused.
/// </summary>
public enum ConsensusStep
{
    Save,
    Confirm,
    Refuse,
}

/// <summary>
/// Who saves a double-coded transcript's consensus, the one rule the handler and the page follow: the study lead alone,
/// or the pair's two coders together (each confirms the same final coding; it is saved when the second does). One
/// coder alone never makes the final coding, nor does any other coder.
/// </summary>
public static class ConsensusRule
{
    /// <param name="pair">The two coders whose work is compared, in the order they submitted.</param>
    /// <param name="proposed">The final coding the caller sends.</param>
    /// <param name="otherConfirmed">The final coding the other coder of the pair confirmed, if any.</param>
    public static ConsensusStep Decide(
        ClaimsPrincipal user,
        IReadOnlyList<string> pair,
        IReadOnlyList<CodingEntry> proposed,
        IReadOnlyList<CodingEntry>? otherConfirmed
    )
    {
        if (user.IsInRole(Roles.StudyLead))
            return ConsensusStep.Save;
        if (!pair.Contains(user.Name(), StringComparer.Ordinal))
            return ConsensusStep.Refuse;
        return otherConfirmed is not null && Consensus.Same(proposed, otherConfirmed)
            ? ConsensusStep.Save
            : ConsensusStep.Confirm;
    }

    /// <summary>The pair's other coder: whose confirmation the caller's waits for.</summary>
    public static string? Other(ClaimsPrincipal user, IReadOnlyList<string> pair) =>
        pair.FirstOrDefault(c => c != user.Name());

    public const string Refusal =
        "The consensus is saved by the study lead, or by the two coders who coded this "
        + "transcript, each confirming it.";
}
