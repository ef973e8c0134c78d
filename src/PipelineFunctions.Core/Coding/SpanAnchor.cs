namespace PipelineFunctions.Core.Coding;

/// <summary>
/// What a coded sub-span covers, kept beside its offsets: its words and a little context either side. A new
/// pseudonymised version (a correction) changes offsets, never the coder's intent: the span is found again by its words.
/// </summary>
public sealed record SpanAnchor(string Text, string Before, string After)
{
    /// <summary>Characters of context kept on each side: enough to tell apart repeats of short words in one turn.</summary>
    public const int Context = 24;

    public static SpanAnchor Capture(string passage, int start, int end)
    {
        start = Math.Clamp(start, 0, passage.Length);
        end = Math.Clamp(end, start, passage.Length);
        return new(
            passage[start..end],
            passage[Math.Max(0, start - Context)..start],
            passage[end..Math.Min(passage.Length, end + Context)]
        );
    }
}

/// <param name="WordsChanged">The span's own words differ in the new text (found by its context only): its coder confirms it.</param>
public sealed record AnchoredSpan(int Start, int End, bool WordsChanged);

/// <summary>Finds a coded span in a new version of its passage.</summary>
public static class Reanchoring
{
    /// <summary>
    /// The span in <paramref name="passage"/>: where its words occur, the occurrence whose context matches best (then the
    /// nearest to where it was); failing that, the text between its context, marked changed. Null when neither is found.
    /// </summary>
    public static AnchoredSpan? Find(SpanAnchor anchor, string passage, int oldStart)
    {
        if (
            anchor.Text.Length > 0
            && Occurrences(passage, anchor.Text)
                .OrderByDescending(i => ContextScore(anchor, passage, i))
                .ThenBy(i => Math.Abs(i - oldStart))
                .Select(i => (int?)i)
                .FirstOrDefault()
                is { } at
        )
            return new(at, at + anchor.Text.Length, false);
        if (anchor.Before.Length == 0 && anchor.After.Length == 0)
            return null;
        var start =
            anchor.Before.Length == 0 ? 0
            : Nearest(passage, anchor.Before, oldStart - anchor.Before.Length) is var b and >= 0
                ? b + anchor.Before.Length
            : -1;
        if (start < 0)
            return null;
        var end =
            anchor.After.Length == 0 ? passage.Length : passage.IndexOf(anchor.After, start, StringComparison.Ordinal);
        return end > start ? new(start, end, true) : null;
    }

    static IEnumerable<int> Occurrences(string text, string part)
    {
        for (
            var i = text.IndexOf(part, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(part, i + 1, StringComparison.Ordinal)
        )
            yield return i;
    }

    static int Nearest(string text, string part, int near) =>
        Occurrences(text, part).OrderBy(i => Math.Abs(i - near)).Select(i => (int?)i).FirstOrDefault() ?? -1;

    /// <summary>How many characters of context agree: the end of the text before, the start of the text after.</summary>
    static int ContextScore(SpanAnchor anchor, string passage, int at)
    {
        var before = passage.AsSpan(0, at);
        var after = passage.AsSpan(at + anchor.Text.Length);
        var score = 0;
        while (
            score < anchor.Before.Length && score < before.Length && anchor.Before[^(score + 1)] == before[^(score + 1)]
        )
            score++;
        var prefix = 0;
        while (prefix < anchor.After.Length && prefix < after.Length && anchor.After[prefix] == after[prefix])
            prefix++;
        return score + prefix;
    }
}
