using System.Net;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// WebVTT and SRT: cues of <c>start --> end</c> and text. The speaker comes from a WebVTT voice (<c>&lt;v Name&gt;</c>),
/// a <c>Name:</c>, <c>- Name:</c> or <c>[Name]</c> prefix, or is "Unknown"; consecutive cues of one speaker make one turn.
/// </summary>
public static partial class SubtitleTranscriptParser
{
    public static IReadOnlyList<SpeakerTurn> Parse(string text, TranscriptFormat format)
    {
        var blocks = Regex.Split(text.Trim(), @"\n[ \t]*\n");
        if (format == TranscriptFormat.WebVtt && !blocks[0].StartsWith("WEBVTT", StringComparison.Ordinal))
            throw new TranscriptRejectedException(
                RejectionReason.CorruptDocument,
                "A WebVTT file must start with WEBVTT."
            );

        var turns = new TurnBuilder();
        var cues = 0;
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
            if (timing < 0 || timing > 1)
                continue; // header, NOTE, STYLE, REGION, or stray text
            var m = Timing().Match(lines[timing]);
            if (!m.Success)
                continue;
            var start = SpeakerLabels.ParseTime(m.Groups["start"].Value) ?? TimeSpan.Zero;
            var end = SpeakerLabels.ParseTime(m.Groups["end"].Value) ?? start;
            var (speaker, body) = SpeakerOf(string.Join(' ', lines.Skip(timing + 1)));
            if (body.Length == 0)
                continue;
            turns.Cue(speaker, body, start, end);
            cues++;
        }
        if (cues == 0)
            throw new TranscriptRejectedException(
                RejectionReason.NoSpeakerTurns,
                "No subtitle cues with text were found."
            );
        return turns.Build();
    }

    static (string Speaker, string Text) SpeakerOf(string cue)
    {
        string? speaker = null;
        var voice = Voice().Match(cue);
        if (voice.Success)
            speaker = voice.Groups["name"].Value.Trim();
        var text = WebUtility.HtmlDecode(Tags().Replace(cue, "")).Trim();
        if (speaker is null)
        {
            var bracket = Bracketed().Match(text);
            if (bracket.Success)
            {
                speaker = bracket.Groups["name"].Value.Trim();
                text = bracket.Groups["text"].Value.Trim();
            }
            else if (
                SpeakerLabels.Match(text.TrimStart('-', ' ')) is { } label
                && SpeakerLabels.IsTrusted(label.Speaker, 1)
            )
            {
                speaker = label.Speaker;
                text = label.Text;
            }
        }
        return (speaker ?? "Unknown", text);
    }

    [GeneratedRegex(
        @"(?<start>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?<end>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})"
    )]
    private static partial Regex Timing();

    [GeneratedRegex(@"<v(?:\.[\w.-]+)?\s+(?<name>[^>]+)>")]
    private static partial Regex Voice();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^-?\s*\[(?<name>[^\]]{1,40})\]\s*(?<text>.*)$")]
    private static partial Regex Bracketed();
}
