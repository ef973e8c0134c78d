using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// The one rule for who speaks for the study rather than as a participant: the interviewer, a facilitator or
/// moderator, a researcher, note taker or translator (numbered or not, with or without the label's colon), and a
/// speaker nobody could name. Their turns are context: not coded, not counted by agreement, no case of their own.
/// </summary>
public static partial class InterviewerSide
{
    public static bool Includes(string speaker) => Label().IsMatch(speaker.Trim().TrimEnd(':').TrimEnd());

    [GeneratedRegex(
        @"^(?:interviewer|int|i|facilitator|co-?facilitator|moderator|researcher|note ?taker|translator|unknown)"
            + @"\s*\d*$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Label();
}
