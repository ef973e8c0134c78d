using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Suggestions;

public static class CodingUnits
{
    static readonly string[] InterviewerLabels = ["interviewer", "int", "i", "facilitator", "moderator"];

    public static bool IsInterviewer(string speaker) =>
        InterviewerLabels.Contains(speaker.Trim().TrimEnd(':').ToLowerInvariant());

    /// <summary>One unit per turn; interviewer turns are kept as context but marked.</summary>
    public static IReadOnlyList<CodingUnit> FromTurns(IReadOnlyList<SpeakerTurn> turns) =>
        turns.Select((t, i) => new CodingUnit(i + 1, t.Index, t.Speaker, t.Text, IsInterviewer(t.Speaker))).ToList();
}
