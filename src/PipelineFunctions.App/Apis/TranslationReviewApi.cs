using PipelineFunctions.App.Audit;
using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Apis;

public sealed record ReviewDecision(string ETag);
public sealed record QueryComment(int? SourceTurn, int? TranslationTurn, string Comment);
public sealed record QueryRequest(string ETag, List<QueryComment> Comments);
public sealed record AnswerRequest(string Answer);

/// <summary>The translation lead's queue: pairs to check, the side-by-side view, approve or query the site; the site's answers.</summary>
public static class TranslationReviewApi
{
    public static void MapTranslationReviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/translation-checks", PendingAsync).RequireAuthorization(p => p.RequireRole(Roles.TranslationLead, Roles.StudyLead));
        var pair = app.MapGroup("/api/studies/{studyId}/translation-checks/{translationId}").RequireAuthorization().AddEndpointFilter<StudyAccessFilter>();
        pair.MapGet("/", GetAsync).Audited("read-translation-check");
        pair.MapPost("/approve", ApproveAsync).Audited("approve-translation").RequireAuthorization(p => p.RequireRole(Roles.TranslationLead));
        pair.MapPost("/query", QueryAsync).Audited("query-translation").RequireAuthorization(p => p.RequireRole(Roles.TranslationLead));
        pair.MapPost("/queries/{queryId}/answer", AnswerAsync).Audited("answer-query").RequireAuthorization(p => p.RequireRole(Roles.SiteResearcher));
        app.MapGet("/api/studies/{studyId}/translation-queries", QueriedAsync).RequireAuthorization().AddEndpointFilter<StudyAccessFilter>();
    }

    /// <summary>Pairs waiting for a lead, oldest first, optionally for one site.</summary>
    static async Task<IResult> PendingAsync(string? site, StudyStore studies, TranslationCheckStore checks, CancellationToken ct)
    {
        var pending = new List<TranslationCheckDocument>();
        foreach (var study in await studies.ListAsync(ct))
            pending.AddRange(await checks.ListAsync(study.Id, TranslationReview.Pending));
        return Results.Ok(pending.Where(c => site is null || c.SiteId == site).OrderBy(c => c.CheckedAt).Select(Summary));
    }

    static async Task<IResult> QueriedAsync(string studyId, ClaimsPrincipal user, TranslationCheckStore checks, CancellationToken ct)
    {
        var queried = await checks.ListAsync(studyId, TranslationReview.Queried);
        return Results.Ok(queried.Where(c => MayRead(user, c)).OrderBy(c => c.DecidedAt).Select(c => new { summary = Summary(c), queries = c.Queries }));
    }

    static async Task<IResult> GetAsync(string studyId, string translationId, ClaimsPrincipal user, TranslationCheckStore checks,
        TranscriptStore transcripts, TranscriptTexts texts, CancellationToken ct)
    {
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null || !MayRead(user, check)) return NotFound(translationId);
        var source = await transcripts.GetAsync(studyId, check.SourceId, ct);
        var translation = await transcripts.GetAsync(studyId, check.TranslationId, ct);
        if (source is null || translation is null) return NotFound(translationId);
        var sourceTurns = (await texts.LoadPseudonymisedAsync(source.Id, source.PseudonymVersion, ct) ?? []).ToDictionary(t => t.Index);
        var translationTurns = (await texts.LoadPseudonymisedAsync(translation.Id, translation.PseudonymVersion, ct) ?? []).ToDictionary(t => t.Index);
        var rows = check.Alignment.Select(a => new
        {
            source = a.SourceTurn is { } s && sourceTurns.TryGetValue(s, out var st) ? new { index = st.Index, speaker = st.Speaker, text = st.Text } : null,
            translation = a.TranslationTurn is { } t && translationTurns.TryGetValue(t, out var tt) ? new { index = tt.Index, speaker = tt.Speaker, text = tt.Text } : null,
            flags = check.Flags.Where(f => (f.SourceTurn is not null && f.SourceTurn == a.SourceTurn) || (f.TranslationTurn is not null && f.TranslationTurn == a.TranslationTurn)),
        });
        return Results.Ok(new
        {
            summary = Summary(check),
            etag = check.ETag,
            wholeFlags = check.Flags.Where(f => f.SourceTurn is null && f.TranslationTurn is null),
            rows,
            queries = check.Queries,
        });
    }

    static async Task<IResult> ApproveAsync(string studyId, string translationId, ReviewDecision decision, ClaimsPrincipal user,
        TranslationCheckStore checks, TranscriptStore transcripts, PipelineQueues queues, TimeProvider clock, CancellationToken ct)
    {
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null) return NotFound(translationId);
        if (check.Review is TranslationReview.Approved or TranslationReview.Superseded)
            return Results.Conflict(new { message = $"This translation is {check.Review} already." });
        if (check.ETag != decision.ETag) return Stale();
        check.Review = TranslationReview.Approved;
        check.DecidedBy = user.Name();
        check.DecidedAt = clock.GetUtcNow();
        if (!await checks.TryReplaceAsync(check, ct)) return Stale();

        await transcripts.SetStatusAsync(studyId, check.SourceId, TranscriptStatus.TranslationApproved, $"Approved by {check.DecidedBy}.", ct: ct);
        // The approved translation is what coders work on: it goes on to suggestions.
        await queues.SendAsync(PipelineQueues.Suggest, new TranscriptMessage(studyId, check.TranslationId), ct);
        return Results.Ok(new { message = "Approved; the translation goes on to code suggestions." });
    }

    static async Task<IResult> QueryAsync(string studyId, string translationId, QueryRequest request, ClaimsPrincipal user,
        TranslationCheckStore checks, TranscriptStore transcripts, TimeProvider clock, CancellationToken ct)
    {
        if (request.Comments is not { Count: > 0 } || request.Comments.Any(c => string.IsNullOrWhiteSpace(c.Comment)))
            return Results.BadRequest(new { message = "A query needs at least one comment, each with text." });
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null) return NotFound(translationId);
        if (check.Review is TranslationReview.Approved or TranslationReview.Superseded)
            return Results.Conflict(new { message = $"This translation is {check.Review} already." });
        if (check.ETag != request.ETag) return Stale();
        var now = clock.GetUtcNow();
        check.Queries.AddRange(request.Comments.Select(c => new TranslationQuery
        {
            Id = Guid.NewGuid().ToString("n")[..12], SourceTurn = c.SourceTurn, TranslationTurn = c.TranslationTurn,
            Comment = c.Comment.Trim(), By = user.Name(), At = now,
        }));
        check.Review = TranslationReview.Queried;
        check.DecidedBy = user.Name();
        check.DecidedAt = now;
        if (!await checks.TryReplaceAsync(check, ct)) return Stale();
        foreach (var id in new[] { check.SourceId, check.TranslationId })
            await transcripts.SetStatusAsync(studyId, id, TranscriptStatus.TranslationQueried, $"{request.Comments.Count} point(s) sent to the site.", ct: ct);
        return Results.Ok(new { message = $"{request.Comments.Count} point(s) sent to the site." });
    }

    static async Task<IResult> AnswerAsync(string studyId, string translationId, string queryId, AnswerRequest request, ClaimsPrincipal user,
        TranslationCheckStore checks, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Answer)) return Results.BadRequest(new { message = "The answer is empty." });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var check = await checks.GetAsync(studyId, translationId, ct);
            if (check is null || !user.HasSite(check.SiteId)) return NotFound(translationId);
            var query = check.Queries.FirstOrDefault(q => q.Id == queryId);
            if (query is null) return Results.NotFound(new { message = $"There is no query '{queryId}' on this translation." });
            query.Answer = request.Answer.Trim();
            query.AnsweredBy = user.Name();
            query.AnsweredAt = clock.GetUtcNow();
            if (await checks.TryReplaceAsync(check, ct)) return Results.Ok(new { message = "Answer saved." });
        }
        return Stale();
    }

    static bool MayRead(ClaimsPrincipal user, TranslationCheckDocument check) =>
        user.IsInRole(Roles.TranslationLead) || user.IsInRole(Roles.StudyLead) || user.HasSite(check.SiteId);

    static IResult NotFound(string translationId) => Results.NotFound(new { message = $"There is no translation check '{translationId}' you can see." });

    static IResult Stale() => Results.Json(new { message = "Someone changed this review since you loaded it; reload and try again." }, statusCode: 412);

    static object Summary(TranslationCheckDocument c) => new
    {
        studyId = c.StudyId, siteId = c.SiteId, sourceId = c.SourceId, translationId = c.TranslationId,
        sourceLanguage = c.SourceLanguage, translationLanguage = c.TranslationLanguage, supersedes = c.Supersedes,
        review = c.Review.ToString(), checkedAt = c.CheckedAt, decidedBy = c.DecidedBy, decidedAt = c.DecidedAt,
        flags = new { high = c.Flags.Count(f => f.Severity == "High"), medium = c.Flags.Count(f => f.Severity == "Medium"), low = c.Flags.Count(f => f.Severity == "Low") },
        openQueries = c.Queries.Count(q => q.Answer is null),
    };
}
