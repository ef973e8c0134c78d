using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Between a transcript's turns and a REFI-QDA source: the text is one <c>Speaker: text</c> line per turn (as
/// <see cref="ParsedTranscript.ToText"/> writes it), so a coding on a turn, or on part of one, has exact offsets; and
/// an imported coding finds the turn its passage stands in.
/// </summary>
public static class TranscriptSource
{
    public static QdaSource Build(string guid, string name, IReadOnlyList<SpeakerTurn> turns) =>
        new(guid, name, new ParsedTranscript(TranscriptFormat.PlainText, turns).ToText(), turns);

    /// <summary>The source offsets of a turn's text, or of the sub-span <paramref name="start"/>..<paramref name="end"/> of it.</summary>
    public static (int Start, int End)? Offsets(QdaSource source, int turnIndex, int? start = null, int? end = null)
    {
        var lineStart = 0;
        foreach (var turn in source.Turns ?? [])
        {
            var textStart = lineStart + turn.Speaker.Length + 2;
            if (turn.Index == turnIndex)
            {
                if (start is { } s && end is { } e && 0 <= s && s < e && e <= turn.Text.Length)
                    return (textStart + s, textStart + e);
                return (textStart, textStart + turn.Text.Length);
            }
            lineStart = textStart + turn.Text.Length + 1;
        }
        return null;
    }

    /// <summary>
    /// Where an imported passage stands among the turns the pipeline parsed from its source: the turn, and the span
    /// within it when the passage is only part of the turn. Null when no turn holds it (a passage across turns is
    /// placed on the turn of its first line).
    /// </summary>
    public static (int Turn, int? Start, int? End)? Locate(IReadOnlyList<SpeakerTurn> turns, string passage)
    {
        var wanted = Collapse(passage);
        if (wanted.Length == 0)
            return null;
        foreach (
            var candidate in new[]
            {
                wanted,
                Collapse(passage.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? ""),
            }
        )
        {
            if (candidate.Length == 0)
                continue;
            foreach (var turn in turns)
            {
                // A passage that took in the speaker's label codes the turn's words.
                var text = candidate.StartsWith(turn.Speaker + ": ", StringComparison.Ordinal)
                    ? candidate[(turn.Speaker.Length + 2)..]
                    : candidate;
                var at = turn.Text.IndexOf(text, StringComparison.Ordinal);
                if (at < 0)
                    continue;
                return at == 0 && text.Length == turn.Text.Length
                    ? (turn.Index, null, null)
                    : (turn.Index, at, at + text.Length);
            }
        }
        return null;
    }

    // Parsing folds a paragraph's line breaks and runs of spaces into one space; a passage is compared the same way.
    static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
