using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Transcripts;
using UploadRejection = Microsoft.AspNetCore.Http.HttpResults.Results<
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.TooLarge>,
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.UnsupportedFormat>,
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.Unreadable>
>;

namespace PipelineFunctions.App.Http;

public sealed record TranscriptSummary(
    string Id,
    string StudyId,
    string SiteId,
    string Language,
    string FileName,
    string Status,
    string? Reason,
    string? Role,
    string? InterviewId,
    string? TranslationOf,
    string? TranslationId,
    int TurnCount,
    int WordCount,
    int SuggestionCount,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt
)
{
    public static TranscriptSummary Of(TranscriptDocument t) =>
        new(
            t.Id,
            t.StudyId,
            t.SiteId,
            t.Language,
            t.FileName,
            t.Status.ToString(),
            t.Reason,
            t.Role?.Name(),
            t.InterviewId,
            t.TranslationOf,
            t.TranslationId,
            t.TurnCount,
            t.WordCount,
            t.SuggestionCount,
            t.ReceivedAt,
            t.UpdatedAt
        );
}

/// <summary>One entry of a transcript's status history.</summary>
public sealed record StatusEntry(TranscriptStatus Status, DateTimeOffset At, string? Detail)
{
    public static StatusEntry Of(StatusChange c) => new(c.Status, c.At, c.Detail);
}

public sealed record TranscriptDetail(TranscriptSummary Summary, List<StatusEntry> History);

public sealed record UploadAnswer(string Message, string? TranscriptId, string? Status, string? Reason);

public sealed record SuggestionView(
    string Code,
    string Name,
    double Confidence,
    List<string> Evidence,
    string Engine,
    string CodebookVersion
);

public sealed record SegmentView(
    int Segment,
    string Speaker,
    string Text,
    TimeSpan? Start,
    TimeSpan? End,
    IEnumerable<SuggestionView> Suggestions,
    string? Abstained
);

/// <summary>
/// Transcripts of a study: upload (site researchers for their site), list and status (by site), segments (coders).
/// </summary>
public sealed class TranscriptsFunctions(
    TranscriptUploads uploads,
    StudyStore studies,
    TranscriptStore transcripts,
    ReviewStore review,
    PipelineSettings settings
)
{
    [Function("UploadTranscript"), Access(Roles.SiteResearcher, Roles.StudyLead), Audited("upload-transcript")]
    public async Task<
        Results<
            Accepted<UploadAnswer>,
            Problem<Invalid>,
            Problem<Refused>,
            Problem<NoStudy>,
            Problem<Duplicate>,
            UploadRejection
        >
    > UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/transcripts")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        if (!req.HasFormContentType)
            return Problems.BadRequest("Send the transcript as multipart/form-data with a 'file' field.");
        var form = await req.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        var site = form["site"].FirstOrDefault();
        var user = req.HttpContext.User;
        if (file is null || string.IsNullOrEmpty(site))
            return Problems.BadRequest("The upload needs a 'file' and a 'site'.");
        if (!user.IsInRole(Roles.StudyLead) && !user.HasSite(site))
            return Problems.Forbidden($"You may not upload for site '{site}'.");
        if (file.Length > 2 * settings.MaxUploadBytes)
            return (UploadRejection)Problems.TooLarge("The file is far over the size limit and was not stored.");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var upload = new UploadMetadata(
            studyId,
            site,
            NullIfEmpty(form["language"]),
            file.FileName,
            NullIfEmpty(form["translationOf"]),
            NullIfEmpty(form["interviewId"]),
            user.Name(),
            NullIfEmpty(form["role"])
        );
        var result = await uploads.UploadAsync(upload, buffer.ToArray(), ct);
        var answer = new UploadAnswer(
            result.Message,
            result.Transcript?.Id,
            result.Transcript?.Status.ToString(),
            result.Reason?.ToString()
        );
        if (result.Outcome == IntakeOutcome.Accepted)
            return TypedResults.Accepted($"/api/studies/{studyId}/transcripts/{result.Transcript!.Id}", answer);
        var about = new Dictionary<string, object?>
        {
            ["transcriptId"] = answer.TranscriptId,
            ["transcriptStatus"] = answer.Status,
            ["reason"] = answer.Reason,
        };
        if (result.Outcome == IntakeOutcome.Duplicate)
            return Problems.Duplicate(result.Message, about);
        if (result.Outcome == IntakeOutcome.UnknownStudy)
            return Problems.NoStudy(studyId);
        if (result.Outcome == IntakeOutcome.Invalid || result.Reason == RejectionReason.UnsafeFileName)
            return Problems.BadRequest(result.Message, about);
        return result.Reason switch
        {
            RejectionReason.TooLarge => (UploadRejection)Problems.TooLarge(result.Message, about),
            RejectionReason.UnknownFormat => (UploadRejection)Problems.UnsupportedFormat(result.Message, about),
            _ => (UploadRejection)Problems.Unreadable(result.Message, about),
        };
    }

    [Function("ListTranscripts"), Access]
    public async Task<Results<Ok<List<TranscriptSummary>>, Problem<NoStudy>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/transcripts")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        if (await studies.GetAsync(studyId, ct) is null)
            return Problems.NoStudy(studyId);
        var user = req.HttpContext.User;
        return TypedResults.Ok(
            (await transcripts.ListAsync(studyId, ct))
                .Where(user.CanSee)
                .OrderBy(t => t.ReceivedAt)
                .Select(TranscriptSummary.Of)
                .ToList()
        );
    }

    [Function("GetTranscript"), Access, SiteScoped]
    public async Task<Results<Ok<TranscriptDetail>, Problem<Missing>>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/transcripts/{transcriptId}")]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}' you can see.");
        return TypedResults.Ok(
            new TranscriptDetail(TranscriptSummary.Of(transcript), transcript.History.Select(StatusEntry.Of).ToList())
        );
    }

    [Function("GetSegments"), Access(Roles.Coder, Roles.StudyLead), Audited("read-transcript")]
    public async Task<Results<Ok<List<SegmentView>>, Problem<Missing>, Problem<WrongState>>> SegmentsAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/segments"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}'.");
        if (!transcript.Status.IsAtLeast(TranscriptStatus.Pseudonymised))
            return Problems.Conflict($"Transcript {transcriptId} is {transcript.Status}: no pseudonymised text yet.");
        var suggestions = (await review.SuggestionsAsync(transcriptId, ct)).ToLookup(s => s.Segment);
        return TypedResults.Ok(
            (await review.SegmentsAsync(transcriptId, ct))
                .OrderBy(s => s.Segment)
                .Select(s => new SegmentView(
                    s.Segment,
                    s.Speaker,
                    s.Text,
                    s.Start,
                    s.End,
                    suggestions[s.Segment]
                        .Where(x => x.IsShown)
                        .OrderByDescending(x => x.Confidence)
                        .ThenBy(x => x.CodeId, StringComparer.Ordinal)
                        .Select(x => new SuggestionView(
                            x.CodeId,
                            x.CodeName,
                            x.Confidence,
                            x.Evidence,
                            x.Engine,
                            x.CodebookVersion
                        )),
                    suggestions[s.Segment].FirstOrDefault(x => x.IsAbstention)?.Abstained
                ))
                .ToList()
        );
    }

    static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues v) =>
        string.IsNullOrWhiteSpace(v.FirstOrDefault()) ? null : v.FirstOrDefault();
}
