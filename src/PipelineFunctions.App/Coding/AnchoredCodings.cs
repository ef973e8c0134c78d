using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Coding;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// Sub-span codings kept on their words: each saved with its anchor, and carried into every new pseudonymised version
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

    /// <summary>One coding carried from its passage's old text to the new.</summary>
    public static CodingEntry Carry(
        CodingEntry coding,
        IReadOnlyDictionary<int, string> before,
        IReadOnlyDictionary<int, string> after
    )
    {
        if (
            coding.Start is not { } start
            || coding.End is not { } end
            || !after.TryGetValue(coding.Segment, out var text)
        )
            return coding;
        var anchor =
            coding.Anchor
            ?? (before.TryGetValue(coding.Segment, out var old) ? SpanAnchor.Capture(old, start, end) : null);
        if (anchor is null)
            return coding;
        if (Reanchoring.Find(anchor, text, start) is not { } found)
        {
            var (s, e) = (Math.Min(start, text.Length), Math.Min(end, text.Length));
            return coding with { Start = s, End = e, Anchor = SpanAnchor.Capture(text, s, e), Confirm = true };
        }
        return coding with
        {
            Start = found.Start,
            End = found.End,
            Anchor = SpanAnchor.Capture(text, found.Start, found.End),
            Confirm = found.WordsChanged ? true : coding.Confirm,
        };
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
                if (carried.SequenceEqual(work.Codings))
                    break;
                var newly = carried.Count(c => c.Confirm == true) - work.Codings.Count(c => c.Confirm == true);
                work.Codings = carried;
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
