using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

/// <param name="By"><c>mine</c> or <c>consensus</c>.</param>
/// <param name="Words">The words of the passage the memo is on, when it is on some of them only.</param>
public sealed record MemoView(
    string TranscriptId,
    string FileName,
    int? Segment,
    string? PassageText,
    string? Code,
    string? CodeName,
    string Text,
    string By,
    string? Words = null
);

/// <summary>
/// Memos across the study: the caller's own and the consensus's, optionally those about one code (and the codes under
/// it), each with its transcript and linked passage. Memos are written with the coder's work (the workspace's save).
/// </summary>
public sealed class MemoFunctions(StudyStore studies, StudyCodings codings, ReviewStore review)
{
    [Function("ListMemos"), Access(Roles.Coder, Roles.StudyLead), Audited("read-memos")]
    public async Task<Results<Ok<List<MemoView>>, Problem<NoStudy>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/memos")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var code = req.Query["code"].FirstOrDefault();
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var family = string.IsNullOrEmpty(code) ? null : CodeFamily.Of(study.Codebook, code);
        var memos = new List<MemoView>();
        foreach (var v in await codings.ListAsync(studyId, req.HttpContext.User, _ => true, ct))
        {
            var found = new[]
            {
                (v.Mine, "mine"),
                (v.Final?.Coder == CoderWorkDocument.FinalCoder ? v.Final : null, "consensus"),
            }
                .SelectMany(w =>
                    (w.Item1?.Memos ?? [])
                        .Where(m => family is null || m.Code is { } c && family.Contains(c))
                        .Select(m => (Memo: m, By: w.Item2))
                )
                .ToList();
            if (found.Count == 0)
                continue;
            var texts = (await review.SegmentsAsync(v.Transcript.Id, ct)).ToDictionary(s => s.Segment, s => s.Text);
            memos.AddRange(
                found.Select(f => new MemoView(
                    v.Transcript.Id,
                    v.Transcript.FileName,
                    f.Memo.Segment,
                    f.Memo.Segment is { } s ? texts.GetValueOrDefault(s) : null,
                    f.Memo.Code,
                    f.Memo.Code is { } c ? study.Codebook.Find(c)?.Name : null,
                    f.Memo.Text,
                    f.By,
                    Words(f.Memo, f.Memo.Segment is { } at ? texts.GetValueOrDefault(at) : null)
                ))
            );
        }
        return TypedResults.Ok(memos);
    }

    /// <summary>The words of its passage a memo is on, when it is on some of them only.</summary>
    static string? Words(Memo memo, string? passage) =>
        memo is { Start: { } start, End: { } end }
        && passage is not null
        && 0 <= start
        && start < end
        && end <= passage.Length
            ? passage[start..end]
            : null;
}
