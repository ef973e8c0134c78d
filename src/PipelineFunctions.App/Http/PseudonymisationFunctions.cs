using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Http;

/// <param name="Kind"><c>missed</c>: an identifier that slipped through; <c>not-an-identifier</c>: a word replaced wrongly.</param>
/// <param name="Pseudonym">For <c>not-an-identifier</c> from the pseudonymised text: the placeholder (<c>[PERSON-1]</c>) in
/// <paramref name="TranscriptId"/> whose original to keep; the app reads the original from the key, so the site never sees it.</param>
public sealed record CorrectionRequest(string Kind, string? Text, IdentifierCategory? Category = null, string? TranscriptId = null, string? Pseudonym = null);

public sealed record KeyView(string TranscriptId, int Version, List<SpeakerTurn>? Turns, IReadOnlyList<Replacement> Replacements);
public sealed record PseudonymisedView(string TranscriptId, int Version, List<SpeakerTurn>? Turns);
public sealed record CorrectionAnswer(string Message, List<string> Affected);

/// <summary>
/// The re-identification key (the custodian alone, every read audit-logged) and the correction loop: a missed
/// identifier joins the roster, a wrong one the allow list, and affected transcripts are pseudonymised again as a new version.
/// </summary>
public sealed class PseudonymisationFunctions(StudyStore studies, TranscriptStore transcripts, TranscriptTexts texts, StudyKeys keys,
    TranscriptWorkflow workflow)
{
    [Function("GetKey"), Access(Roles.Custodian), Audited("read-key")]
    public async Task<IResult> KeyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/transcripts/{transcriptId}/key")] HttpRequest req,
        string studyId, string transcriptId, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null) return Problems.NotFound($"There is no transcript '{transcriptId}'.");
        if (transcript.PseudonymVersion == 0) return Problems.Conflict($"Transcript {transcriptId} is not pseudonymised yet.");
        // The entry names the version read; it is written before the key goes out, or the key does not.
        AuditDetail.Set(req.HttpContext, target: $"transcript:{transcriptId}:v{transcript.PseudonymVersion}");
        var sealedLog = await texts.LoadKeyLogAsync(transcriptId, transcript.PseudonymVersion, ct);
        if (sealedLog is null) return Problems.NotFound($"The key of {transcriptId} is missing.");
        var replacements = KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId);
        var original = await texts.LoadParsedAsync(transcriptId, ct);
        return Results.Ok(new KeyView(transcriptId, transcript.PseudonymVersion, original?.Turns.ToList(), replacements));
    }

    /// <summary>The current pseudonymised version, for the site to check what was replaced and what was missed.</summary>
    [Function("GetPseudonymised"), Access(Roles.Custodian, Roles.SiteResearcher, Roles.Coder, Roles.StudyLead), SiteScoped, Audited("read-transcript")]
    public async Task<IResult> PseudonymisedAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/transcripts/{transcriptId}/pseudonymised")] HttpRequest req,
        string studyId, string transcriptId, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null) return Problems.NotFound($"There is no transcript '{transcriptId}' you can see.");
        if (transcript.PseudonymVersion == 0) return Problems.Conflict($"Transcript {transcriptId} is not pseudonymised yet.");
        return Results.Ok(new PseudonymisedView(transcriptId, transcript.PseudonymVersion, await texts.LoadPseudonymisedAsync(transcriptId, transcript.PseudonymVersion, ct)));
    }

    [Function("CorrectPseudonymisation"), Access(Roles.Custodian, Roles.SiteResearcher), Audited("pseudonymisation-correction")]
    public async Task<IResult> CorrectAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/pseudonymisation/corrections")] HttpRequest req,
        string studyId, CancellationToken ct)
    {
        var request = await req.ReadFromJsonAsync<CorrectionRequest>(ct);
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return Problems.NoStudy(studyId);
        var user = req.HttpContext.User;
        if (!user.IsInRole(Roles.Custodian) && !study.Sites.Any(s => user.HasSite(s.Id))) return Problems.Forbidden("You have no site in this study.");
        var text = request?.Text?.Trim() ?? "";
        if (text.Length == 0 && request is { Kind: "not-an-identifier", TranscriptId: { } tid, Pseudonym: { } pseudonym })
        {
            if (await OriginalOfAsync(studyId, tid, pseudonym, user, ct) is not { } original)
                return Problems.NotFound($"There is no {pseudonym} in a transcript you can see.");
            text = original;
        }
        if (text.Length is < 2 or > 200) return Problems.BadRequest("Give the word or name to correct (2 to 200 characters).");

        switch (request!.Kind)
        {
            case "missed":
                var roster = (await texts.LoadRosterAsync(studyId, ct)).ToList();
                roster.Add(new RosterEntry(text, request.Category ?? IdentifierCategory.Person, []));
                await texts.SaveRosterAsync(studyId, roster, ct);
                break;
            case "not-an-identifier":
                await studies.AllowAsync(studyId, text, ct);
                break;
            default:
                return Problems.BadRequest("Kind must be 'missed' or 'not-an-identifier'.");
        }
        // The audit names the kind of correction, not the word: the word may be a name.
        AuditDetail.Set(req.HttpContext, action: $"pseudonymisation-correction:{request.Kind}");

        var affected = new List<string>();
        foreach (var t in await transcripts.ListAsync(studyId, ct))
        {
            if (t.PseudonymVersion == 0 || t.Status is TranscriptStatus.Rejected or TranscriptStatus.Superseded or TranscriptStatus.Received) continue;
            var parsed = await texts.LoadParsedAsync(t.Id, ct);
            if (parsed is null || !parsed.Turns.Any(turn => Contains(turn.Text, text) || Contains(turn.Speaker, text))) continue;
            await workflow.MoveFromCurrentAsync(t, Trigger.Correct, TranscriptStatus.Parsed, "Pseudonymised again after a correction.", ct);
            affected.Add(t.Id);
        }
        return Results.Ok(new CorrectionAnswer($"Correction saved; {affected.Count} transcript(s) are being pseudonymised again.", affected));
    }

    /// <summary>The original a placeholder replaced in one transcript, read from its key; it stays inside the app.</summary>
    async Task<string?> OriginalOfAsync(string studyId, string transcriptId, string pseudonym, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || transcript.PseudonymVersion == 0 || !user.CanSee(transcript)) return null;
        if (await texts.LoadKeyLogAsync(transcriptId, transcript.PseudonymVersion, ct) is not { } sealedLog) return null;
        return KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId).FirstOrDefault(r => r.Pseudonym == pseudonym)?.Original;
    }

    static bool Contains(string haystack, string needle) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(haystack, needle, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
