using System.Globalization;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Recognises a speaker label at the start of a line: <c>Interviewer:</c>, <c>P3:</c>, <c>#9 (PSW):</c>,
/// <c>#9, Kampala, PSW:</c>, <c>50001_2:</c>, <c>[00:01:23] Speaker 1:</c>, <c>Speaker 1 (01:23):</c>.
/// </summary>
public static partial class SpeakerLabels
{
    public sealed record Candidate(string Speaker, string Text, TimeSpan? Start);

    public static Candidate? Match(string line)
    {
        var m = Labelled().Match(line);
        if (!m.Success)
            return null;
        var label = Regex.Replace(m.Groups["label"].Value.Trim(), @"\s+", " ");
        if (label.Split(' ').Length > 6)
            return null;
        var stamp =
            m.Groups["ts"].Success ? m.Groups["ts"].Value
            : m.Groups["ts2"].Success ? m.Groups["ts2"].Value
            : null;
        return new Candidate(label, m.Groups["text"].Value.Trim(), stamp is null ? null : ParseTime(stamp));
    }

    /// <summary>
    /// A label is trusted when it has a familiar shape, looks like a name, or recurs; so "He said: no" in the
    /// middle of an answer stays part of the answer.
    /// </summary>
    public static bool IsTrusted(string label, int occurrences) =>
        KnownStyle().IsMatch(label) || occurrences >= 2 || NameLike().IsMatch(label);

    public static TimeSpan? ParseTime(string stamp)
    {
        var clean = stamp.Trim('[', ']', '(', ')', ' ').Replace(',', '.');
        string[] formats =
        [
            @"h\:mm\:ss\.FFF",
            @"hh\:mm\:ss\.FFF",
            @"h\:mm\:ss",
            @"hh\:mm\:ss",
            @"m\:ss\.FFF",
            @"mm\:ss\.FFF",
            @"m\:ss",
            @"mm\:ss",
        ];
        return TimeSpan.TryParseExact(clean, formats, CultureInfo.InvariantCulture, out var t) ? t : null;
    }

    const string Time = @"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?";

    [GeneratedRegex(
        @"^\s*(?:[\[(](?<ts>"
            + Time
            + @")[\])]\s*|(?<ts>"
            + Time
            + @")\s+)?(?<label>[\p{L}\p{N}#][^:?!\[\]()]{0,39}?(?:\s*\([^()]{1,20}\))?)\s*(?:[\[(](?<ts2>"
            + Time
            + @")[\])]\s*)?:(?:\s+(?<text>.*)|$)"
    )]
    private static partial Regex Labelled();

    [GeneratedRegex(
        @"^(?:interviewer|interviewee|participant|respondent|facilitator|moderator|researcher|translator|note ?taker|i|r|int|p\s?\d+[a-z]?|speaker\s?\d+|#\s?\d+.*|\d{3,}(?:[_-]\d+)?|[a-z]{1,3}\d{1,4})$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex KnownStyle();

    [GeneratedRegex(@"^(?:(?:\p{Lu}[\p{L}'’-]*|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s?){1,4}$")]
    private static partial Regex NameLike();
}
