using PipelineFunctions.App.Audit;
using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.App.Apis;

public sealed record CoderWorkRequest(List<CodingEntry> Codings, List<RejectedSuggestion>? Rejected = null, List<Memo>? Memos = null);

/// <summary>
/// The coders' workspace: a transcript's pseudonymised passages with suggestions, each coder's own codings saved as
/// they go (ETag-checked), blind double coding (nobody sees another's work; agreement opens once two have submitted).
/// </summary>
public static class ReviewApi
{
    public static void MapReviewApi(this IEndpointRouteBuilder app)
    {
        var coders = app.MapGroup("/api/studies/{studyId}").RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
        coders.MapGet("/review", ListAsync);
        coders.MapGet("/transcripts/{transcriptId}/review", GetAsync).Audited("read-transcript");
        coders.MapPut("/transcripts/{transcriptId}/review/mine", SaveAsync).Audited("save-coding");
        coders.MapPost("/transcripts/{transcriptId}/review/mine/submit", SubmitAsync).Audited("submit-coding");
        coders.MapGet("/transcripts/{transcriptId}/review/agreement", AgreementAsync).Audited("read-codings");
        coders.MapPut("/transcripts/{transcriptId}/review/final", ConsensusAsync).Audited("save-consensus");
    }

    static async Task<IResult> ListAsync(string studyId, ClaimsPrincipal user, StudyStore studies, TranscriptStore transcripts, CodingStore codings, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        var ready = await ReadyAsync(studyId, transcripts, ct);
        var doubled = DoubleCoded(study, ready);
        var list = new List<object>();
        foreach (var t in ready)
        {
            var mine = await codings.GetAsync(t.Id, user.Name(), ct);
            list.Add(new { id = t.Id, siteId = t.SiteId, fileName = t.FileName, turns = t.TurnCount, doubleCoded = doubled.Contains(t.Id),
                mine = mine is null ? "not started" : mine.Submitted ? "submitted" : "in progress" });
        }
        return Results.Ok(list);
    }

    static async Task<IResult> GetAsync(string studyId, string transcriptId, ClaimsPrincipal user, StudyStore studies, TranscriptStore transcripts,
        ReviewStore review, CodingStore codings, CancellationToken ct)
    {
        var (study, transcript) = (await studies.GetAsync(studyId, ct), await transcripts.GetAsync(studyId, transcriptId, ct));
        if (study?.Codebook is null || transcript is null || transcript.Status != TranscriptStatus.SuggestionsReady)
            return Results.NotFound(new { message = $"There is no transcript '{transcriptId}' ready for coding." });
        var suggestions = (await review.SuggestionsAsync(transcriptId, ct)).ToLookup(s => s.Segment);
        var segments = (await review.SegmentsAsync(transcriptId, ct)).OrderBy(s => s.Segment).Select(s => new
        {
            segment = s.Segment, speaker = s.Speaker, text = s.Text,
            suggestions = suggestions[s.Segment].OrderByDescending(x => x.Confidence).ThenBy(x => x.CodeId, StringComparer.Ordinal)
                .Select(x => new { code = x.CodeId, name = x.CodeName, confidence = x.Confidence, evidence = x.Evidence }),
        });
        var mine = await codings.GetAsync(transcriptId, user.Name(), ct);
        var submitted = (await codings.ListAsync(transcriptId)).Count(w => w.Submitted);
        var doubled = DoubleCoded(study, await ReadyAsync(studyId, transcripts, ct)).Contains(transcriptId);
        return Results.Ok(new
        {
            transcript = new { id = transcript.Id, siteId = transcript.SiteId, fileName = transcript.FileName },
            codes = study.Codebook.Codes.Select(c => new { id = c.Id, name = c.Name, parent = c.Parent, definition = c.Definition }),
            segments,
            // Only the caller's own work: in blind double coding nobody sees the other's codes before both submit.
            mine = new { codings = mine?.Codings ?? [], rejected = mine?.Rejected ?? [], memos = mine?.Memos ?? [], submitted = mine?.Submitted ?? false },
            etag = mine?.ETag,
            doubleCoded = doubled,
            agreementReady = doubled && submitted >= 2,
        });
    }

    static async Task<IResult> SaveAsync(string studyId, string transcriptId, CoderWorkRequest request, HttpContext http, ClaimsPrincipal user,
        StudyStore studies, TranscriptStore transcripts, CodingStore codings, TimeProvider clock, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null || await transcripts.GetAsync(studyId, transcriptId, ct) is null) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}'." });
        if (request.Codings.FirstOrDefault(c => study.Codebook.Find(c.CodeId) is null) is { } unknown)
            return Results.BadRequest(new { message = $"'{unknown.CodeId}' is not a code of this study's codebook." });
        var etag = http.Request.Headers.IfMatch.FirstOrDefault();
        var current = await codings.GetAsync(transcriptId, user.Name(), ct);
        if (current?.Submitted == true) return Results.Conflict(new { message = "You have submitted this transcript; your coding is final." });
        if (current is not null && etag != current.ETag || current is null && !string.IsNullOrEmpty(etag) && etag != "*")
            return Stale();
        var work = new CoderWorkDocument
        {
            Id = CoderWorkDocument.IdFor(transcriptId, user.Name()), TranscriptId = transcriptId, StudyId = studyId, Coder = user.Name(),
            Codings = request.Codings.Distinct().ToList(), Rejected = request.Rejected ?? [], Memos = request.Memos ?? [], UpdatedAt = clock.GetUtcNow(),
        };
        var saved = await codings.TrySaveAsync(work, current?.ETag, ct);
        return saved is null ? Stale() : Results.Ok(new { etag = saved, message = "Saved." });
    }

    static async Task<IResult> SubmitAsync(string studyId, string transcriptId, ClaimsPrincipal user, CodingStore codings, TimeProvider clock, CancellationToken ct)
    {
        var work = await codings.GetAsync(transcriptId, user.Name(), ct);
        if (work is null) return Results.BadRequest(new { message = "There is nothing to submit yet." });
        if (work.Submitted) return Results.Ok(new { message = "Submitted already." });
        work.Submitted = true;
        work.SubmittedAt = clock.GetUtcNow();
        return await codings.TrySaveAsync(work, work.ETag, ct) is null ? Stale() : Results.Ok(new { message = "Submitted." });
    }

    static async Task<IResult> AgreementAsync(string studyId, string transcriptId, StudyStore studies, TranscriptStore transcripts, ReviewStore review,
        CodingStore codings, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        var all = await codings.ListAsync(transcriptId);
        var pair = all.Where(w => w.Submitted && w.Coder != FinalCoder).OrderBy(w => w.SubmittedAt).Take(2).ToList();
        if (pair.Count < 2) return Results.Conflict(new { message = "Agreement is shown once two coders have submitted." });
        var segments = (await review.SegmentsAsync(transcriptId, ct)).Select(s => s.Segment).Order().ToList();
        var report = CodingAgreement.Compare(segments,
            pair[0].Codings.Select(c => (c.Segment, c.CodeId)).ToList(), pair[1].Codings.Select(c => (c.Segment, c.CodeId)).ToList());
        string Name(string id) => study.Codebook.Find(id)?.Name ?? id;
        object Row(CodeAgreement a) => new { code = a.CodeId, name = a.CodeId == CodingAgreement.Overall ? "All codes" : Name(a.CodeId),
            percent = Math.Round(a.Percent, 3), kappa = Math.Round(a.Kappa, 3), alpha = Math.Round(a.Alpha, 3), both = a.BothApplied, onlyFirst = a.OnlyFirst, onlySecond = a.OnlySecond };
        return Results.Ok(new
        {
            coders = pair.Select(p => p.Coder),
            perCode = report.PerCode.Select(Row),
            overall = Row(report.Overall),
            disagreements = report.Disagreements.Select(d => new { segment = d.Segment, code = d.CodeId, name = Name(d.CodeId), first = d.First, second = d.Second }),
            agreed = pair[0].Codings.Where(c => pair[1].Codings.Any(o => o.Segment == c.Segment && o.CodeId == c.CodeId)),
            final = all.FirstOrDefault(w => w.Coder == FinalCoder)?.Codings,
        });
    }

    /// <summary>The pair's resolved coding: what both agreed plus each disagreement they kept. It becomes the transcript's final coding.</summary>
    static async Task<IResult> ConsensusAsync(string studyId, string transcriptId, CoderWorkRequest request, ClaimsPrincipal user, StudyStore studies,
        CodingStore codings, TimeProvider clock, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        if ((await codings.ListAsync(transcriptId)).Count(w => w.Submitted && w.Coder != FinalCoder) < 2)
            return Results.Conflict(new { message = "Consensus comes after two coders have submitted." });
        if (request.Codings.FirstOrDefault(c => study.Codebook.Find(c.CodeId) is null) is { } unknown)
            return Results.BadRequest(new { message = $"'{unknown.CodeId}' is not a code of this study's codebook." });
        var current = await codings.GetAsync(transcriptId, FinalCoder, ct);
        var work = new CoderWorkDocument
        {
            Id = CoderWorkDocument.IdFor(transcriptId, FinalCoder), TranscriptId = transcriptId, StudyId = studyId, Coder = FinalCoder,
            Codings = request.Codings.Distinct().ToList(), Memos = [.. request.Memos ?? [], new Memo(null, $"Consensus saved by {user.Name()}.")],
            Submitted = true, SubmittedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
        };
        return await codings.TrySaveAsync(work, current?.ETag, ct) is null ? Stale() : Results.Ok(new { message = "Consensus saved as the final coding." });
    }

    public const string FinalCoder = "final";

    static async Task<List<TranscriptDocument>> ReadyAsync(string studyId, TranscriptStore transcripts, CancellationToken ct) =>
        (await transcripts.ListAsync(studyId, ct)).Where(t => t.Status == TranscriptStatus.SuggestionsReady).OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>The study's first N ready transcripts and any it names are coded by two coders blind.</summary>
    static HashSet<string> DoubleCoded(StudyDocument study, IReadOnlyList<TranscriptDocument> ready) =>
        ready.Take(study.DoubleCodeFirst).Select(t => t.Id).Concat(study.DoubleCodeTranscripts).ToHashSet(StringComparer.Ordinal);

    static IResult Stale() => Results.Json(new { message = "Your coding changed elsewhere (another tab?) since you loaded it; reload to carry on." }, statusCode: 412);
}
