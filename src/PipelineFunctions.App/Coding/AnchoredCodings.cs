using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Coding;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// Sub-span codings (and memos on some words) kept on their words: each saved with its anchor, and carried into every new pseudonymised version
/// of its transcript by re-anchoring (<see cref="Reanchoring"/>). A span whose words changed is flagged for its coder,
/// never moved silently. Anchors hold pseudonymised text only, refreshed from each new version.
/// </summary>
public sealed class AnchoredCodings(CodingStore codings, ReviewStore review, TranscriptTexts texts, StudyKeys keys)
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

    /// <summary>An imported coding, counted in the original text, carried to the pseudonymised text by the
    /// replacement log; flagged when a replacement falls inside it.</summary>
    public static CodingEntry FromOriginal(CodingEntry coding, NewVersion version) =>
        FromOriginal(coding.Segment, coding.Start, coding.End, coding.Anchor, version) is var (s, e, anchor, changed)
            ? coding with
            {
                Start = s,
                End = e,
                Anchor = anchor,
                Confirm = changed ? true : coding.Confirm,
                InOriginal = null,
            }
            : coding with
            {
                InOriginal = null,
            };

    /// <summary>An imported memo on some words carried as an imported coding is.</summary>
    public static Memo FromOriginal(Memo memo, NewVersion version) =>
        memo.Segment is { } segment
        && FromOriginal(segment, memo.Start, memo.End, memo.Anchor, version) is var (s, e, anchor, changed)
            ? memo with
            {
                Start = s,
                End = e,
                Anchor = anchor,
                Confirm = changed ? true : memo.Confirm,
                InOriginal = null,
            }
            : memo with
            {
                InOriginal = null,
            };

    static (int Start, int End, SpanAnchor Anchor, bool Changed)? FromOriginal(
        int segment,
        int? from,
        int? to,
        SpanAnchor? kept,
        NewVersion version
    )
    {
        if (from is not { } start || to is not { } end || !version.After.TryGetValue(segment, out var text))
            return null;
        var span = OriginalOffsets.Carry(start, end, version.Log[segment]);
        var (s, e) = (Math.Clamp(span.Start, 0, text.Length), Math.Clamp(span.End, 0, text.Length));
        e = Math.Max(s, e);
        // A log that does not account for the text (it should) is not trusted silently: the coder confirms.
        var same =
            version.Original.TryGetValue(segment, out var original)
            && end <= original.Length
            && (span.WordsChanged || text[s..e] == original[start..end]);
        return (s, e, SpanAnchor.Capture(text, s, e), span.WordsChanged || !same);
    }

    /// <summary>A new pseudonymised version: the passages before it (none for the first), after it, the original
    /// passages and the replacement log that made it from them, by passage.</summary>
    public sealed record NewVersion(
        IReadOnlyDictionary<int, string>? Before,
        IReadOnlyDictionary<int, string> After,
        IReadOnlyDictionary<int, string> Original,
        ILookup<int, Replacement> Log
    )
    {
        public CodingEntry Carry(CodingEntry c) =>
            c.InOriginal == true ? FromOriginal(c, this)
            : Before is null ? c
            : AnchoredCodings.Carry(c, Before, After);

        public Memo Carry(Memo m) =>
            m.InOriginal == true ? FromOriginal(m, this)
            : Before is null ? m
            : AnchoredCodings.Carry(m, Before, After);
    }

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
    public async Task<int> CarryAsync(string transcriptId, NewVersion version, CancellationToken ct)
    {
        var flagged = 0;
        foreach (var read in await codings.ListAsync(transcriptId, ct))
        {
            var work = read;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var carried = work.Codings.Select(version.Carry).ToList();
                var memos = work.Memos.Select(version.Carry).ToList();
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

    /// <summary>
    /// Imported work saved after its transcript's version was made (the pipeline ran ahead of the import): carried
    /// now from the version's replacement log. Before that version exists the pseudonymise stage carries it.
    /// </summary>
    public async Task CarryImportedAsync(
        string transcriptId,
        IReadOnlyDictionary<int, string> original,
        CancellationToken ct
    )
    {
        var segments = await review.SegmentsAsync(transcriptId, ct);
        if (
            segments.Count == 0
            || await texts.LoadKeyLogAsync(transcriptId, segments.Max(s => s.PseudonymVersion), ct) is not { } sealedLog
        )
            return;
        var log = KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId);
        await CarryAsync(
            transcriptId,
            new NewVersion(
                null,
                segments.ToDictionary(s => s.Segment, s => s.Text),
                original,
                log.ToLookup(r => r.TurnIndex)
            ),
            ct
        );
    }
}
