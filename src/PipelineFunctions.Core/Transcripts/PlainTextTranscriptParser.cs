namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Plain text, one speaker turn starting at each trusted label; lines without a label continue the turn (joined with
/// a space, so each turn stays one line of the normalised text). Text with no labels at all becomes one turn per
/// paragraph by speaker "Unknown": a site's notes are still worth keeping, and the status says how it was read.
/// </summary>
public static class PlainTextTranscriptParser
{
    public static IReadOnlyList<SpeakerTurn> Parse(string text)
    {
        var lines = text.Split('\n');
        var candidates = lines.Select(SpeakerLabels.Match).ToList();
        var counts = candidates
            .Where(c => c is not null)
            .GroupBy(c => c!.Speaker, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        var turns = new TurnBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var c = candidates[i];
            if (c is not null && SpeakerLabels.IsTrusted(c.Speaker, counts[c.Speaker]))
                turns.Start(c.Speaker, c.Text, c.Start);
            else if (lines[i].Trim().Length > 0)
                turns.Continue(lines[i].Trim(), paragraph: i > 0 && lines[i - 1].Trim().Length == 0);
        }
        return turns.Build();
    }
}
