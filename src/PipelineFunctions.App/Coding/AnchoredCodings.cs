using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Coding;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// Sub-span codings (and memos on some words) kept on their words: each saved with its anchor, and carried into every new pseudonymised version
/// of its transcript by re-anchoring (<see cref="Reanchoring"/>). A span whose words changed is flagged for its coder,
/// never moved silently. Anchors hold pseudonymised text only, refreshed from each new version.
/// </summary>
public sealed class AnchoredCodings(CodingStore codings)
{
    /// <summary>The codings as saved: each sub-span anchored in its passage's current text; a flag stays until its coder clears it.</summary>
    public static List<CodingEntry> Anchored(
        IEnumerable<CodingEntry> sent,
        IReadOnlyDictionary<int, string> passages,
        IReadOnlyList<CodingEntry> stored
    ) =>
        [
            .. sent.Select(c =>
                c.Start is { } start && c.End is { } end && passages.TryGetValue(c.Segment, out var text)
                    ? c with
                    {
                        Anchor = SpanAnchor.Capture(text, start, end),
                        Confirm =
                            c.Confirm
                            ?? stored
                                .FirstOrDefault(s =>
                                    (s.Segment, s.CodeId, s.Start, s.End) == (c.Segment, c.CodeId, start, end)
                                )
                                ?.Confirm,
                    }
                    : c with
                    {
                        Anchor = null,
                    }
            ),
        ];

    /// <summary>Memos as saved: one on some words of its passage anchored on them; one whose words are not in its
    /// passage is on the whole passage.</summary>
    public static List<Memo> Anchored(IEnumerable<Memo> sent, IReadOnlyDictionary<int, string> passages) =>
        [
            .. sent.Select(m =>
                m is { Segment: { } segment, Start: { } start, End: { } end }
                && passages.TryGetValue(segment, out var text)
                && 0 <= start
                && start < end
                && end <= text.Length
                    ? m with
                    {
                        Anchor = SpanAnchor.Capture(text, start, end),
                    }
                    : m with
                    {
                        Start = null,
                        End = null,
                        Anchor = null,
                        Confirm = null,
                    }
            ),
        ];

    /// <summary>One coding carried from its passage's old text to the new.</summary>
    public static CodingEntry Carry(
        CodingEntry coding,
        IReadOnlyDictionary<int, string> before,
        IReadOnlyDictionary<int, string> after
    ) =>
        CarrySpan(coding.Segment, coding.Start, coding.End, coding.Anchor, before, after) is var (s, e, anchor, changed)
            ? coding with
            {
                Start = s,
                End = e,
                Anchor = anchor,
                Confirm = changed ? true : coding.Confirm,
            }
            : coding;

    /// <summary>A memo on some words carried as a coding is: kept on its words, flagged when they changed.</summary>
    public static Memo Carry(
        Memo memo,
        IReadOnlyDictionary<int, string> before,
        IReadOnlyDictionary<int, string> after
    ) =>
        memo.Segment is { } segment
        && CarrySpan(segment, memo.Start, memo.End, memo.Anchor, before, after) is var (s, e, anchor, changed)
            ? memo with
            {
                Start = s,
                End = e,
                Anchor = anchor,
                Confirm = changed ? true : memo.Confirm,
            }
            : memo;

    /// <summary>A sub-span's place in the new text, its anchor there, and whether its words changed; null when it is
    /// no sub-span or its passage has no new text.</summary>
    static (int Start, int End, SpanAnchor Anchor, bool Changed)? CarrySpan(
        int segment,
        int? from,
        int? to,
        SpanAnchor? kept,
        IReadOnlyDictionary<int, string> before,
        IReadOnlyDictionary<int, string> after
    )
    {
        if (from is not { } start || to is not { } end || !after.TryGetValue(segment, out var text))
            return null;
        var anchor = kept ?? (before.TryGetValue(segment, out var old) ? SpanAnchor.Capture(old, start, end) : null);
        if (anchor is null)
            return null;
        if (Reanchoring.Find(anchor, text, start) is not { } found)
        {
            var (s, e) = (Math.Min(start, text.Length), Math.Min(end, text.Length));
            return (s, e, SpanAnchor.Capture(text, s, e), true);
        }
        return (found.Start, found.End, SpanAnchor.Capture(text, found.Start, found.End), found.WordsChanged);
    }

    /// <summary>Carries every coder's work (the consensus too) into the new version; the number of codings flagged for their coder.</summary>
    public async Task<int> CarryAsync(
        string transcriptId,
        IReadOnlyDictionary<int, string> before,
        IReadOnlyDictionary<int, string> after,
        CancellationToken ct
    )
    {
        var flagged = 0;
        foreach (var read in await codings.ListAsync(transcriptId, ct))
        {
            var work = read;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var carried = work.Codings.Select(c => Carry(c, before, after)).ToList();
                var memos = work.Memos.Select(m => Carry(m, before, after)).ToList();
                if (carried.SequenceEqual(work.Codings) && memos.SequenceEqual(work.Memos))
                    break;
                var newly = carried.Count(c => c.Confirm == true) - work.Codings.Count(c => c.Confirm == true);
                (work.Codings, work.Memos) = (carried, memos);
                if (await codings.TrySaveAsync(work, work.ETag, ct) is not null)
                {
                    flagged += newly;
                    break;
                }
                // The coder saved meanwhile: carry what they saved.
                if (await codings.GetAsync(transcriptId, work.Coder, ct) is not { } fresh)
                    break;
                work = fresh;
            }
        }
        return flagged;
    }
}
