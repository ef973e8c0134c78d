using PipelineFunctions.App.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Apis;

public static class TranscriptsApi
{
    public static void MapTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var transcripts = app.MapGroup("/api/studies/{studyId}/transcripts").RequireAuthorization().AddEndpointFilter<StudyAccessFilter>();
        transcripts.MapPost("/", UploadAsync).DisableAntiforgery().Audited("upload-transcript")
            .RequireAuthorization(p => p.RequireRole(Roles.SiteResearcher, Roles.StudyLead));
        transcripts.MapGet("/", ListAsync);
        transcripts.MapGet("/{transcriptId}", GetAsync);
        transcripts.MapGet("/{transcriptId}/segments", SegmentsAsync).Audited("read-transcript")
            .RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead));
    }

    static async Task<IResult> UploadAsync(string studyId, HttpRequest request, ClaimsPrincipal user, TranscriptIntake intake,
        PipelineSettings settings, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Results.BadRequest(new { message = "Send the transcript as multipart/form-data with a 'file' field." });
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        var site = form["site"].FirstOrDefault();
        if (file is null || string.IsNullOrEmpty(site)) return Results.BadRequest(new { message = "The upload needs a 'file' and a 'site'." });
        if (!user.IsInRole(Roles.StudyLead) && !user.HasSite(site)) return Results.Json(new { message = $"You may not upload for site '{site}'." }, statusCode: 403);
        if (file.Length > 2 * settings.MaxUploadBytes)
            return Results.Json(new { message = "The file is far over the size limit and was not stored." }, statusCode: 413);

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var upload = new UploadMetadata(studyId, site, NullIfEmpty(form["language"]), file.FileName,
            NullIfEmpty(form["translationOf"]), NullIfEmpty(form["interviewId"]), user.Name(), NullIfEmpty(form["role"]));
        var result = await intake.UploadAsync(upload, buffer.ToArray(), ct);
        var body = new { message = result.Message, transcriptId = result.Transcript?.Id, status = result.Transcript?.Status.ToString(), reason = result.Reason?.ToString() };
        return result.Outcome switch
        {
            IntakeOutcome.Accepted => Results.Accepted($"/api/studies/{studyId}/transcripts/{result.Transcript!.Id}", body),
            IntakeOutcome.Duplicate => Results.Conflict(body),
            IntakeOutcome.UnknownStudy => Results.NotFound(body),
            IntakeOutcome.Invalid => Results.BadRequest(body),
            _ => Results.Json(body, statusCode: result.Reason switch
            {
                RejectionReason.TooLarge => 413,
                RejectionReason.UnknownFormat => 415,
                RejectionReason.UnsafeFileName => 400,
                _ => 422,
            }),
        };
    }

    static async Task<IResult> ListAsync(string studyId, ClaimsPrincipal user, StudyStore studies, TranscriptStore transcripts, CancellationToken ct)
    {
        if (await studies.GetAsync(studyId, ct) is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        var visible = (await transcripts.ListAsync(studyId, ct)).Where(user.CanSee).OrderBy(t => t.ReceivedAt).Select(Summary);
        return Results.Ok(visible);
    }

    static async Task<IResult> GetAsync(string studyId, string transcriptId, ClaimsPrincipal user, TranscriptStore transcripts, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || !user.CanSee(transcript)) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}' you can see." });
        return Results.Ok(new { summary = Summary(transcript), history = transcript.History });
    }

    static async Task<IResult> SegmentsAsync(string studyId, string transcriptId, TranscriptStore transcripts, ReviewStore review, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}'." });
        if (!transcript.Status.IsAtLeast(TranscriptStatus.Pseudonymised))
            return Results.Conflict(new { message = $"Transcript {transcriptId} is {transcript.Status}: no pseudonymised text yet." });
        var suggestions = (await review.SuggestionsAsync(transcriptId, ct)).ToLookup(s => s.Segment);
        var segments = (await review.SegmentsAsync(transcriptId, ct)).OrderBy(s => s.Segment).Select(s => new
        {
            segment = s.Segment, speaker = s.Speaker, text = s.Text, start = s.Start, end = s.End,
            suggestions = suggestions[s.Segment].OrderByDescending(x => x.Confidence).ThenBy(x => x.CodeId, StringComparer.Ordinal)
                .Select(x => new { code = x.CodeId, name = x.CodeName, confidence = x.Confidence, evidence = x.Evidence, engine = x.Engine, codebookVersion = x.CodebookVersion }),
        });
        return Results.Ok(segments);
    }

    static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues v) => string.IsNullOrWhiteSpace(v.FirstOrDefault()) ? null : v.FirstOrDefault();

    public static object Summary(TranscriptDocument t) => new
    {
        id = t.Id, studyId = t.StudyId, siteId = t.SiteId, language = t.Language, fileName = t.FileName, status = t.Status.ToString(),
        reason = t.Reason, role = t.Role, interviewId = t.InterviewId, translationOf = t.TranslationOf, translationId = t.TranslationId, turnCount = t.TurnCount, wordCount = t.WordCount,
        suggestionCount = t.SuggestionCount, receivedAt = t.ReceivedAt, updatedAt = t.UpdatedAt,
    };
}
