namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// How a source's positions count line breaks. The standard counts on LF text, but NVivo counts each line break as
/// two characters (CR LF), which shifts every later coding and puts those near the end out of range. Both counts are
/// tried: where selections carry their text (NVivo writes it as the selection's name) the count whose positions select
/// that text wins; otherwise the count that keeps more selections in range, then more on word boundaries. A tie is LF.
/// </summary>
static class LineBreakCount
{
    /// <summary>A selection's positions as the file gives them, and its name (often the text it selects).</summary>
    public sealed record Selection(long Start, long End, string? Name);

    /// <summary>True when the positions fit the text better counting each line break as two.</summary>
    public static bool Choose(SourceText text, IReadOnlyList<Selection> selections) =>
        text.HasLineBreaks
        && selections.Count > 0
        && Fit(text, selections, twice: true).CompareTo(Fit(text, selections, twice: false)) > 0;

    static (int Named, int InRange, int Boundaries) Fit(
        SourceText text,
        IReadOnlyList<Selection> selections,
        bool twice
    )
    {
        int named = 0,
            inRange = 0,
            boundaries = 0;
        foreach (var s in selections)
        {
            if (text.At(s.Start, twice) is not { } start || text.At(s.End, twice) is not { } end)
                continue;
            inRange++;
            if (end < start)
                (start, end) = (end, start);
            if (s.Name is { Length: > 0 } name && SameText(text.Text[start..end], name))
                named++;
            if (Boundary(text.Text, start))
                boundaries++;
            if (Boundary(text.Text, end))
                boundaries++;
        }
        return (named, inRange, boundaries);
    }

    /// <summary>The selected text and its name agree, spacing aside; a name may be cut short (tools shorten long ones).</summary>
    static bool SameText(string selected, string name)
    {
        var (a, b) = (Collapse(selected), Collapse(name).TrimEnd('…', '.'));
        return b.Length > 0 && (a == b || b.Length >= 20 && a.StartsWith(b, StringComparison.Ordinal));
    }

    static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static bool Boundary(string text, int at) =>
        at <= 0 || at >= text.Length || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(text[at]);
}
