using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Agreement;

/// <summary>
/// The passages agreement counts: the participants' turns. Interviewer (moderator, facilitator) turns are questions
/// that neither coder codes, so counting them as agreed units inflates per cent agreement. When no turn is a
/// participant's (speakers unknown), every passage counts.
/// </summary>
public sealed record AgreementUnits(IReadOnlyList<int> Counted, int LeftOut)
{
    public static AgreementUnits Of(IEnumerable<(int Segment, string Speaker)> passages)
    {
        var all = passages.ToList();
        var participants = all.Where(p => ParticipantCases.IsParticipant(p.Speaker))
            .Select(p => p.Segment)
            .Order()
            .ToList();
        return participants.Count == 0
            ? new(all.Select(p => p.Segment).Order().ToList(), 0)
            : new(participants, all.Count - participants.Count);
    }

    /// <summary>What the figures count, in a sentence for the page.</summary>
    public string Description =>
        LeftOut == 0
            ? $"Agreement counts all {Counted.Count} passage(s)."
            : $"Agreement counts the {Counted.Count} participant passage(s); {LeftOut} interviewer passage(s) are left out, as neither coder codes questions.";
}
