using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Limits;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Http;

public sealed record ReviewDecision(string ETag);

public sealed record QueryComment(int? SourceTurn, int? TranslationTurn, string Comment);

public sealed record QueryRequest(string ETag, List<QueryComment> Comments);

public sealed record AnswerRequest(string Answer);

public sealed record FlagCounts(int High, int Medium, int Low);

/// <param name="SourceFile">
/// The files as uploaded and the interview id: how the lead and the site know a pair (ids mean nothing to them).
/// </param>
public sealed record TranslationCheckSummary(
    string StudyId,
    string SiteId,
    string SourceId,
    string TranslationId,
    string SourceLanguage,
    string TranslationLanguage,
    string? Supersedes,
    string Review,
    DateTimeOffset CheckedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    FlagCounts Flags,
    int OpenQueries,
    string? SourceFile = null,
    string? TranslationFile = null,
    string? InterviewId = null
)
{
    public static TranslationCheckSummary Of(
        TranslationCheckDocument c,
        IReadOnlyDictionary<string, TranscriptDocument>? files = null
    )
    {
        var (source, translation) = (files?.GetValueOrDefault(c.SourceId), files?.GetValueOrDefault(c.TranslationId));
        return new(
            c.StudyId,
            c.SiteId,
            c.SourceId,
            c.TranslationId,
            c.SourceLanguage,
            c.TranslationLanguage,
            c.Supersedes,
            c.Review.ToString(),
            c.CheckedAt,
            c.DecidedBy,
            c.DecidedAt,
            new FlagCounts(Count(c, Severity.High), Count(c, Severity.Medium), Count(c, Severity.Low)),
            c.Queries.Count(q => q.Answer is null),
            source?.FileName,
            translation?.FileName,
            translation?.InterviewId ?? source?.InterviewId
        );
    }

    static int Count(TranslationCheckDocument c, Severity severity) => c.Flags.Count(f => f.Severity == severity);
}

/// <summary>A point of the translation check: what differs (stored name and plain words), how much it matters, where,
/// and why in words.</summary>
public sealed record FlagView(
    string Kind,
    string Label,
    Severity Severity,
    int? SourceTurn,
    int? TranslationTurn,
    string Explanation
)
{
    public static FlagView Of(TranslationFlagEntry f) =>
        new(f.Kind, FlagKinds.Label(f.Kind), f.Severity, f.SourceTurn, f.TranslationTurn, f.Explanation);
}

/// <summary>A point the translation lead sent back to the site about a turn, and the site's answer.</summary>
public sealed record QueryView(
    string Id,
    int? SourceTurn,
    int? TranslationTurn,
    string Comment,
    string By,
    DateTimeOffset At,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt
)
{
    public static QueryView Of(TranslationQuery q) =>
        new(q.Id, q.SourceTurn, q.TranslationTurn, q.Comment, q.By, q.At, q.Answer, q.AnsweredBy, q.AnsweredAt);

    public static List<QueryView> Of(IEnumerable<TranslationQuery> queries) => [.. queries.Select(Of)];
}

/// <param name="Turns">The turns each point is about (pseudonymised, as the lead saw them), by query id.</param>
public sealed record QueriedPair(
    TranslationCheckSummary Summary,
    List<QueryView> Queries,
    Dictionary<string, QueryTurns> Turns
);

public sealed record QueryTurns(TurnView? Source, TurnView? Translation);

public sealed record TurnView(int Index, string Speaker, string Text);

public sealed record AlignedRow(TurnView? Source, TurnView? Translation, IEnumerable<FlagView> Flags);

public sealed record TranslationCheckView(
    TranslationCheckSummary Summary,
    string? Etag,
    IEnumerable<FlagView> WholeFlags,
    IEnumerable<AlignedRow> Rows,
    List<QueryView> Queries
);

/// <summary>The translation lead's queue: pairs to check, the side-by-side view, approve or query the site; the site's
/// answers.</summary>
public sealed class TranslationChecksFunctions(
    StudyStore studies,
    TranslationCheckStore checks,
    TranscriptStore transcripts,
    TranscriptTexts texts,
    TranscriptWorkflow workflow,
    ApprovedPairs approved,
    TimeProvider clock
)
{
    /// <summary>
    /// Pairs waiting for a lead and pairs queried back to the site (the page lists them apart), oldest first,
    /// optionally
    /// for one site; only of the studies the user works on.
    /// </summary>
    [Function("ListTranslationChecks"), Access(Roles.TranslationLead, Roles.StudyLead)]
    public async Task<Ok<List<TranslationCheckSummary>>> PendingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/translation-checks")] HttpRequest req,
        CancellationToken ct
    )
    {
        var site = req.Query["site"].FirstOrDefault();
        var reachable = (await studies.ListAsync(ct)).Where(s => req.HttpContext.User.MayReachStudy(s.Id));
        // Studies in parallel and only the pair's own files read: a lead's queue costs one query per study, not a
        // scan of every transcript (under load the page waited seconds for the scan).
        var open = new System.Collections.Concurrent.ConcurrentBag<TranslationCheckSummary>();
        await Parallel.ForEachAsync(
            reachable,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (study, token) =>
            {
                foreach (
                    var c in (await checks.OpenAsync(study.Id, token)).Where(c => site is null || c.SiteId == site)
                )
                    open.Add(TranslationCheckSummary.Of(c, await PairFilesAsync(c, token)));
            }
        );
        return TypedResults.Ok(open.OrderBy(c => c.CheckedAt).ToList());
    }

    async Task<Dictionary<string, TranscriptDocument>> PairFilesAsync(TranslationCheckDocument c, CancellationToken ct)
    {
        var files = new Dictionary<string, TranscriptDocument>();
        foreach (var id in new[] { c.SourceId, c.TranslationId })
            if (await transcripts.GetAsync(c.StudyId, id, ct) is { } t)
                files[id] = t;
        return files;
    }

    [Function("ListTranslationQueries"), Access]
    public async Task<Ok<List<QueriedPair>>> QueriedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/translation-queries")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var queried = (await checks.ListAsync(studyId, TranslationReview.Queried, ct))
            .Where(c => MayRead(req.HttpContext.User, c))
            .OrderBy(c => c.DecidedAt)
            .ToList();
        if (queried.Count == 0)
            return TypedResults.Ok(new List<QueriedPair>());
        var files = (await transcripts.ListAsync(studyId, ct)).ToDictionary(t => t.Id);
        var pairs = new List<QueriedPair>();
        foreach (var c in queried)
        {
            var (source, translation) = (
                await TurnsAsync(files.GetValueOrDefault(c.SourceId), ct),
                await TurnsAsync(files.GetValueOrDefault(c.TranslationId), ct)
            );
            pairs.Add(
                new QueriedPair(
                    TranslationCheckSummary.Of(c, files),
                    QueryView.Of(c.Queries),
                    c.Queries.ToDictionary(
                        q => q.Id,
                        q => new QueryTurns(
                            q.SourceTurn is { } s && source.TryGetValue(s, out var st) ? st : null,
                            q.TranslationTurn is { } t && translation.TryGetValue(t, out var tt) ? tt : null
                        )
                    )
                )
            );
        }
        return TypedResults.Ok(pairs);
    }

    async Task<Dictionary<int, TurnView>> TurnsAsync(TranscriptDocument? transcript, CancellationToken ct) =>
        transcript is null
            ? []
            : (await texts.LoadPseudonymisedAsync(transcript.Id, transcript.PseudonymVersion, ct) ?? []).ToDictionary(
                t => t.Index,
                t => new TurnView(t.Index, t.Speaker, t.Text)
            );

    [Function("GetTranslationCheck"), Access, Audited("read-translation-check")]
    public async Task<Results<Ok<TranslationCheckView>, Problem<Missing>>> GetAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/translation-checks/{translationId}"
        )]
            HttpRequest req,
        string studyId,
        string translationId,
        CancellationToken ct
    )
    {
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null || !MayRead(req.HttpContext.User, check))
            return NotFound(translationId);
        var source = await transcripts.GetAsync(studyId, check.SourceId, ct);
        var translation = await transcripts.GetAsync(studyId, check.TranslationId, ct);
        if (source is null || translation is null)
            return NotFound(translationId);
        var (sourceTurns, translationTurns) = (await TurnsAsync(source, ct), await TurnsAsync(translation, ct));
        var rows = check
            .Alignment.Select(a => new AlignedRow(
                a.SourceTurn is { } s && sourceTurns.TryGetValue(s, out var st) ? st : null,
                a.TranslationTurn is { } t && translationTurns.TryGetValue(t, out var tt) ? tt : null,
                check
                    .Flags.Where(f =>
                        (f.SourceTurn is not null && f.SourceTurn == a.SourceTurn)
                        || (f.TranslationTurn is not null && f.TranslationTurn == a.TranslationTurn)
                    )
                    .Select(FlagView.Of)
                    .ToList()
            ))
            .ToList();
        var files = new Dictionary<string, TranscriptDocument> { [source.Id] = source, [translation.Id] = translation };
        return TypedResults.Ok(
            new TranslationCheckView(
                TranslationCheckSummary.Of(check, files),
                check.ETag,
                check.Flags.Where(f => f.SourceTurn is null && f.TranslationTurn is null).Select(FlagView.Of).ToList(),
                rows,
                QueryView.Of(check.Queries)
            )
        );
    }

    /// <summary>
    /// The lead's approval is one write, the check saved as Approved; the pair's moves follow from it. An approval
    /// that stopped between the two (or a second click on an approved pair) finishes the moves instead of refusing.
    /// </summary>
    [Function("ApproveTranslation"), Access(Roles.TranslationLead), Audited("approve-translation")]
    public async Task<Results<Ok<Done>, Problem<Missing>, Problem<WrongState>, Problem<Stale>>> ApproveAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/translation-checks/{translationId}/approve"
        )]
            HttpRequest req,
        string studyId,
        string translationId,
        CancellationToken ct
    )
    {
        var decision = await req.ReadFromJsonAsync<ReviewDecision>(ct);
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null)
            return NotFound(translationId);
        if (check.Review is TranslationReview.Approved)
            return TypedResults.Ok(
                new Done(
                    await approved.FinishAsync(check, ct) > 0
                        ? "Approved already; the pair has now moved on to code suggestions."
                        : "Approved already; the translation is on its way to code suggestions."
                )
            );
        if (check.Review is TranslationReview.Superseded)
            return Problems.Conflict("This translation is Superseded already.");
        if (check.ETag != decision?.ETag)
            return Stale();
        check.Review = TranslationReview.Approved;
        check.DecidedBy = req.HttpContext.User.Name();
        check.DecidedAt = clock.GetUtcNow();
        if (!await checks.TryReplaceAsync(check, ct))
            return Stale();

        // The source rests; the approved translation is what coders work on, so it goes on to suggestions.
        await approved.FinishAsync(check, ct);
        return TypedResults.Ok(new Done("Approved; the translation goes on to code suggestions."));
    }

    [Function("QueryTranslation"), Access(Roles.TranslationLead), Audited("query-translation")]
    public async Task<
        Results<Ok<Done>, Problem<Invalid>, Problem<Missing>, Problem<WrongState>, Problem<Stale>>
    > QueryAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/translation-checks/{translationId}/query"
        )]
            HttpRequest req,
        string studyId,
        string translationId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<QueryRequest>(ct);
        if (request?.Comments is not { Count: > 0 } || request.Comments.Any(c => string.IsNullOrWhiteSpace(c.Comment)))
            return Problems.BadRequest("A query needs at least one comment, each with text.");
        if (
            request
                .Comments.Select(c => TextLimits.CheckFreeText("A comment", c.Comment))
                .FirstOrDefault(p => p is not null) is
            { } tooLong
        )
            return Problems.BadRequest(tooLong);
        var check = await checks.GetAsync(studyId, translationId, ct);
        if (check is null)
            return NotFound(translationId);
        if (check.Review is TranslationReview.Approved or TranslationReview.Superseded)
            return Problems.Conflict($"This translation is {check.Review} already.");
        if (check.ETag != request.ETag)
            return Stale();
        var now = clock.GetUtcNow();
        var user = req.HttpContext.User;
        check.Queries.AddRange(
            request.Comments.Select(c => new TranslationQuery
            {
                Id = Guid.NewGuid().ToString("n")[..12],
                SourceTurn = c.SourceTurn,
                TranslationTurn = c.TranslationTurn,
                Comment = c.Comment.Trim(),
                By = user.Name(),
                At = now,
            })
        );
        check.Review = TranslationReview.Queried;
        check.DecidedBy = user.Name();
        check.DecidedAt = now;
        if (!await checks.TryReplaceAsync(check, ct))
            return Stale();
        foreach (var id in new[] { check.SourceId, check.TranslationId })
            if (await transcripts.GetAsync(studyId, id, ct) is { } transcript)
                await workflow.MoveFromCurrentAsync(
                    transcript,
                    Trigger.Query,
                    TranscriptStatus.TranslationQueried,
                    $"{request.Comments.Count} point(s) sent to the site.",
                    ct
                );
        return TypedResults.Ok(new Done($"{request.Comments.Count} point(s) sent to the site."));
    }

    [Function("AnswerTranslationQuery"), Access(Roles.SiteResearcher), Audited("answer-query")]
    public async Task<Results<Ok<Done>, Problem<Invalid>, Problem<Missing>, Problem<Stale>>> AnswerAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/translation-checks/{translationId}/queries/{queryId}/answer"
        )]
            HttpRequest req,
        string studyId,
        string translationId,
        string queryId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<AnswerRequest>(ct);
        if (string.IsNullOrWhiteSpace(request?.Answer))
            return Problems.BadRequest("The answer is empty.");
        if (TextLimits.CheckFreeText("An answer", request.Answer) is { } tooLong)
            return Problems.BadRequest(tooLong);
        var user = req.HttpContext.User;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var check = await checks.GetAsync(studyId, translationId, ct);
            if (check is null || !user.HasSite(check.SiteId))
                return NotFound(translationId);
            var query = check.Queries.FirstOrDefault(q => q.Id == queryId);
            if (query is null)
                return Problems.NotFound($"There is no query '{queryId}' on this translation.");
            query.Answer = request.Answer.Trim();
            query.AnsweredBy = user.Name();
            query.AnsweredAt = clock.GetUtcNow();
            if (await checks.TryReplaceAsync(check, ct))
                return TypedResults.Ok(new Done("Answer saved."));
        }
        return Stale();
    }

    static bool MayRead(ClaimsPrincipal user, TranslationCheckDocument check) =>
        user.IsInRole(Roles.TranslationLead) || user.IsInRole(Roles.StudyLead) || user.HasSite(check.SiteId);

    static Problem<Missing> NotFound(string translationId) =>
        Problems.NotFound($"There is no translation check '{translationId}' you can see.");

    static Problem<Stale> Stale() =>
        Problems.PreconditionFailed("Someone changed this review since you loaded it; reload and try again.");
}
