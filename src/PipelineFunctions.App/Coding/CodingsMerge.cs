using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// Two codes merged: every coding of the merged code, in every coder's work and the consensus, drafts and submitted
/// alike, moves to the kept code (a passage coded with both keeps one); rejected suggestions and memos follow. One
/// partition read per transcript; each change is saved on the ETag it was read with and read again when it lost.
/// </summary>
public sealed class CodingsMerge(TranscriptStore transcripts, CodingStore codings)
{
    const int Tries = 3;

    /// <summary>The codings moved and on how many transcripts.</summary>
    public async Task<(int Codings, int Transcripts)> MoveAsync(
        string studyId,
        string from,
        string into,
        CancellationToken ct
    )
    {
        var (moved, touched) = (0, 0);
        foreach (var transcript in await transcripts.ListAsync(studyId, ct))
        {
            var here = 0;
            foreach (var work in await codings.ListAsync(transcript.Id, ct))
                here += await MoveAsync(work, from, into, ct);
            (moved, touched) = (moved + here, touched + (here > 0 ? 1 : 0));
        }
        return (moved, touched);
    }

    async Task<int> MoveAsync(CoderWorkDocument work, string from, string into, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!Move(work, from, into, out var n) || await codings.TrySaveAsync(work, work.ETag, ct) is not null)
                return n;
            if (attempt == Tries || await codings.GetAsync(work.TranscriptId, work.Coder, ct) is not { } again)
                return 0;
            work = again;
        }
    }

    /// <summary>Moves the merged code's codings, rejections and memos in <paramref name="work"/>; false when it holds none.</summary>
    public static bool Move(CoderWorkDocument work, string from, string into, out int codingsMoved)
    {
        codingsMoved = work.Codings.Count(c => c.CodeId == from);
        if (codingsMoved == 0 && work.Rejected.All(r => r.CodeId != from) && work.Memos.All(m => m.Code != from))
            return false;
        work.Codings = [.. work.Codings.Select(c => c.CodeId == from ? c with { CodeId = into } : c).Distinct()];
        work.Rejected = [.. work.Rejected.Select(r => r.CodeId == from ? r with { CodeId = into } : r).Distinct()];
        work.Memos = [.. work.Memos.Select(m => m.Code == from ? m with { Code = into } : m)];
        return true;
    }
}
