using System.Text.RegularExpressions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Suggestions;

public static partial class CodingUnits
{
    /// <summary>Whether a turn is the interviewer's side's (<see cref="InterviewerSide"/>): context, not
    /// coded.</summary>
    public static bool IsInterviewer(string speaker) => InterviewerSide.Includes(speaker);

    /// <summary>One unit per turn; interviewer turns are kept as context but marked.</summary>
    public static IReadOnlyList<CodingUnit> FromTurns(IReadOnlyList<SpeakerTurn> turns) =>
        FromTurns(turns, SuggestionOptions.Default);

    /// <summary>
    /// Speaker turns as coding units; a turn longer than <see cref="SuggestionOptions.PassageWords"/> is split at
    /// sentence ends into passages of about that size, so one long answer can carry several codes.
    /// </summary>
    public static IReadOnlyList<CodingUnit> FromTurns(IReadOnlyList<SpeakerTurn> turns, SuggestionOptions options)
    {
        var units = new List<CodingUnit>();
        foreach (var turn in turns)
        foreach (var passage in Passages(turn.Text, options.PassageWords))
            units.Add(new CodingUnit(units.Count + 1, turn.Index, turn.Speaker, passage, IsInterviewer(turn.Speaker)));
        return units;
    }

    static IEnumerable<string> Passages(string text, int size)
    {
        if (Words(text) <= size * 3 / 2)
        {
            yield return text;
            yield break;
        }
        var current = new List<string>();
        var count = 0;
        foreach (var sentence in Sentence().Split(text).Where(s => s.Trim().Length > 0))
        {
            current.Add(sentence.Trim());
            count += Words(sentence);
            if (count >= size)
            {
                yield return string.Join(' ', current);
                current.Clear();
                count = 0;
            }
        }
        if (current.Count > 0)
            yield return string.Join(' ', current);
    }

    static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"(?<=[.?!…])\s+")]
    private static partial Regex Sentence();
}
