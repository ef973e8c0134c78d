using System.Globalization;
using System.Security.Claims;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Apis;

/// <param name="Kind"><c>missed</c>: an identifier that slipped through; <c>not-an-identifier</c>: a word replaced wrongly.</param>
public sealed record CorrectionRequest(string Kind, string Text, IdentifierCategory? Category = null);

/// <summary>
/// The re-identification key (the custodian alone, every read audit-logged) and the
/// correction loop: a missed identifier joins the roster, a wrong one the allow list, and affected transcripts are
/// pseudonymised again as a new version.
/// </summary>
public static class PseudonymisationApi
{
    public static void MapPseudonymisationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studies/{studyId}/transcripts/{transcriptId}/key", KeyAsync).RequireAuthorization(p => p.RequireRole(Roles.Custodian)).AddEndpointFilter<StudyAccessFilter>();
        app.MapGet("/api/studies/{studyId}/transcripts/{transcriptId}/pseudonymised", PseudonymisedAsync).Audited("read-transcript")
            .RequireAuthorization(p => p.RequireRole(Roles.Custodian, Roles.SiteResearcher, Roles.Coder, Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
        app.MapPost("/api/studies/{studyId}/pseudonymisation/corrections", CorrectAsync).RequireAuthorization(p => p.RequireRole(Roles.Custodian, Roles.SiteResearcher)).AddEndpointFilter<StudyAccessFilter>();
        app.MapGet("/api/studies/{studyId}/audit", AuditAsync).RequireAuthorization(p => p.RequireRole(Roles.Custodian, Roles.Admin)).AddEndpointFilter<StudyAccessFilter>();
    }

    static async Task<IResult> KeyAsync(string studyId, string transcriptId, ClaimsPrincipal user, HttpContext http, TranscriptStore transcripts,
        TranscriptTexts texts, StudyKeys keys, AuditLog audit, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}'." });
        if (transcript.PseudonymVersion == 0) return Results.Conflict(new { message = $"Transcript {transcriptId} is not pseudonymised yet." });
        await audit.RecordAsync(user, http, studyId, "read-key", $"transcript:{transcriptId}:v{transcript.PseudonymVersion}", ct);
        var sealedLog = await texts.LoadKeyLogAsync(transcriptId, transcript.PseudonymVersion, ct);
        if (sealedLog is null) return Results.NotFound(new { message = $"The key of {transcriptId} is missing." });
        var replacements = KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId);
        var original = await texts.LoadParsedAsync(transcriptId, ct);
        return Results.Ok(new { transcriptId, version = transcript.PseudonymVersion, turns = original?.Turns, replacements });
    }

    /// <summary>The current pseudonymised version, for the site to check what was replaced and what was missed.</summary>
    static async Task<IResult> PseudonymisedAsync(string studyId, string transcriptId, ClaimsPrincipal user, TranscriptStore transcripts, TranscriptTexts texts, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || !user.CanSee(transcript)) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}' you can see." });
        if (transcript.PseudonymVersion == 0) return Results.Conflict(new { message = $"Transcript {transcriptId} is not pseudonymised yet." });
        return Results.Ok(new { transcriptId, version = transcript.PseudonymVersion, turns = await texts.LoadPseudonymisedAsync(transcriptId, transcript.PseudonymVersion, ct) });
    }

    static async Task<IResult> CorrectAsync(string studyId, CorrectionRequest request, ClaimsPrincipal user, HttpContext http, StudyStore studies,
        TranscriptStore transcripts, TranscriptTexts texts, CosmosContainers cosmos, PipelineQueues queues, AuditLog audit, CancellationToken ct)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is < 2 or > 200) return Results.BadRequest(new { message = "Give the word or name to correct (2 to 200 characters)." });
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        if (!user.IsInRole(Roles.Custodian) && !study.Sites.Any(s => user.HasSite(s.Id))) return Results.Json(new { message = "You have no site in this study." }, statusCode: 403);

        switch (request.Kind)
        {
            case "missed":
                var roster = (await texts.LoadRosterAsync(studyId, ct)).ToList();
                roster.Add(new RosterEntry(text, request.Category ?? IdentifierCategory.Person, []));
                await texts.SaveRosterAsync(studyId, roster, ct);
                break;
            case "not-an-identifier":
                await cosmos.Studies.PatchItemAsync<StudyDocument>(studyId, new PartitionKey(StudyDocument.PartitionValue),
                    [PatchOperation.Add("/allowList/-", text)], cancellationToken: ct);
                break;
            default:
                return Results.BadRequest(new { message = "Kind must be 'missed' or 'not-an-identifier'." });
        }
        // The audit names the kind of correction, not the word: the word may be a name.
        await audit.RecordAsync(user, http, studyId, $"pseudonymisation-correction:{request.Kind}", $"study:{studyId}", ct);

        var affected = new List<string>();
        foreach (var t in await transcripts.ListAsync(studyId, ct))
        {
            if (t.PseudonymVersion == 0 || t.Status is TranscriptStatus.Rejected or TranscriptStatus.Superseded or TranscriptStatus.Received) continue;
            var parsed = await texts.LoadParsedAsync(t.Id, ct);
            if (parsed is null || !parsed.Turns.Any(turn => Contains(turn.Text, text) || Contains(turn.Speaker, text))) continue;
            await transcripts.SetStatusAsync(studyId, t.Id, TranscriptStatus.Parsed, "Pseudonymised again after a correction.", ct: ct);
            await queues.SendAsync(PipelineQueues.Pseudonymise, new TranscriptMessage(studyId, t.Id), ct);
            affected.Add(t.Id);
        }
        return Results.Ok(new { message = $"Correction saved; {affected.Count} transcript(s) are being pseudonymised again.", affected });
    }

    /// <summary>The audit log as JSON, or <c>?format=csv</c> for a spreadsheet (the export itself is audited first).</summary>
    static async Task<IResult> AuditAsync(string studyId, string? format, ClaimsPrincipal user, HttpContext http, AuditLog audit, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return Results.BadRequest(new { message = "format is json or csv." });
        await audit.RecordAsync(user, http, studyId, csv ? "export-audit" : "read-audit", $"study:{studyId}", ct);
        var entries = await audit.ListAsync(studyId);
        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(AuditLog.ToCsv(entries)), "text/csv; charset=utf-8", $"audit-{studyId}.csv")
            : Results.Ok(entries);
    }

    static bool Contains(string haystack, string needle) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(haystack, needle, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
