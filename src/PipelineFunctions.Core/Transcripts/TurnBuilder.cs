using System.Text;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>Collects turns as a parser meets labels and text; merges and numbers them.</summary>
sealed class TurnBuilder
{
    const string Unknown = "Unknown";

    readonly List<(string Speaker, StringBuilder Text, TimeSpan? Start, TimeSpan? End)> _turns = [];

    public void Start(string speaker, string text, TimeSpan? start = null, TimeSpan? end = null) =>
        _turns.Add((speaker, new StringBuilder(text), start, end));

    /// <summary>More text for the current turn; a paragraph with no turn yet starts an "Unknown" one.</summary>
    public void Continue(string text, bool paragraph = false)
    {
        if (_turns.Count == 0 || (paragraph && _turns[^1].Speaker == Unknown))
        {
            Start(Unknown, text);
            return;
        }
        var current = _turns[^1].Text;
        if (current.Length > 0)
            current.Append(' ');
        current.Append(text);
    }

    /// <summary>A cue of subtitles: joins the previous turn when the same speaker goes on.</summary>
    public void Cue(string speaker, string text, TimeSpan start, TimeSpan end)
    {
        if (_turns.Count > 0 && string.Equals(_turns[^1].Speaker, speaker, StringComparison.Ordinal))
        {
            var last = _turns[^1];
            if (last.Text.Length > 0)
                last.Text.Append(' ');
            last.Text.Append(text);
            _turns[^1] = (last.Speaker, last.Text, last.Start, end);
        }
        else
            Start(speaker, text, start, end);
    }

    public IReadOnlyList<SpeakerTurn> Build() =>
        _turns
            .Select(t => (t.Speaker, Text: Collapse(t.Text.ToString()), t.Start, t.End))
            .Where(t => t.Text.Length > 0)
            .Select((t, i) => new SpeakerTurn(i + 1, t.Speaker.Trim(), t.Text, t.Start, t.End))
            .ToList();

    static string Collapse(string s) =>
        string.Join(' ', s.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
