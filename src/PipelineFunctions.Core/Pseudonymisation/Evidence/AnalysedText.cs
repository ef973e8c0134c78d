using PipelineFunctions.Core.Pseudonymisation.Recognizers;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// One text of a transcript (a turn's text or its speaker label) while it is decided: its words and languages, the
/// detections that will be replaced, and the spans left in clear for a person to check.
/// </summary>
public sealed class AnalysedText(int turnPosition, bool inSpeaker, RecognitionInput input)
{
    public int TurnPosition { get; } = turnPosition;
    public bool InSpeaker { get; } = inSpeaker;
    public RecognitionInput Input { get; } = input;
    public string Text => Input.Text;
    public IReadOnlyList<Token> Tokens => Input.Tokens;
    public List<Detection> Detections { get; set; } = [];
    public List<(int Start, int Length, string Reason)> Unsure { get; } = [];

    public bool Covered(Token t)
    {
        foreach (var d in Detections)
            if (t.Start < d.End && d.Start < t.End)
                return true;
        return false;
    }

    /// <summary>The first and last token a span covers (-1 when none).</summary>
    public (int First, int Last) TokenRange(int start, int end)
    {
        int first = -1,
            last = -1;
        // Binary search for the first token ending after the start: a long turn has hundreds of words.
        int lo = 0,
            hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].End <= start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (var i = lo; i < Tokens.Count; i++)
        {
            if (Tokens[i].End <= start)
                continue;
            if (Tokens[i].Start >= end)
                break;
            if (first < 0)
                first = i;
            last = i;
        }
        return (first, last);
    }
}
