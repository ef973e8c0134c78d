using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.SiteCheck;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Http;

/// <param name="Kind"><c>missed</c>: an identifier that slipped through; <c>not-an-identifier</c>: a word replaced
/// wrongly.</param>
/// <param name="Pseudonym">For <c>not-an-identifier</c> from the pseudonymised text: the placeholder
/// (<c>[PERSON-1]</c>) in
/// <paramref name="TranscriptId"/> whose original to keep; the app reads the original from the key, so the site never
/// sees it.</param>
public sealed record CorrectionRequest(
    string Kind,
    string? Text,
    IdentifierCategory? Category = null,
    string? TranscriptId = null,
    string? Pseudonym = null
);

public sealed record KeyView(
    string TranscriptId,
    int Version,
    List<SpeakerTurn>? Turns,
    IReadOnlyList<Replacement> Replacements
);

public sealed record PseudonymisedView(string TranscriptId, int Version, List<SpeakerTurn>? Turns);

public sealed record CorrectionAnswer(string Message, List<string> Affected);

/// <summary>
/// The re-identification key (the custodian alone, every read audit-logged) and the correction loop: a missed
/// identifier joins the roster, a wrong one the allow list, and affected transcripts are pseudonymised again as a new
/// version.
/// </summary>
public sealed class PseudonymisationFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    TranscriptTexts texts,
    StudyKeys keys,
    PseudonymisationCorrections corrections
)
{
    [Function("GetKey"), Access(Roles.Custodian), Audited("read-key")]
    public async Task<Results<Ok<KeyView>, Problem<Missing>, Problem<WrongState>>> KeyAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/key"
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
        if (transcript.PseudonymVersion == 0)
            return Problems.Conflict($"Transcript {transcriptId} is not pseudonymised yet.");
        // The entry names the version read; it is written before the key goes out, or the key does not.
        AuditDetail.Set(req.HttpContext, target: $"transcript:{transcriptId}:v{transcript.PseudonymVersion}");
        var sealedLog = await texts.LoadKeyLogAsync(transcriptId, transcript.PseudonymVersion, ct);
        if (sealedLog is null)
            return Problems.NotFound($"The key of {transcriptId} is missing.");
        var replacements = KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId);
        var original = await texts.LoadParsedAsync(transcriptId, ct);
        return TypedResults.Ok(
            new KeyView(transcriptId, transcript.PseudonymVersion, original?.Turns.ToList(), replacements)
        );
    }

    /// <summary>The current pseudonymised version, for the site to check what was replaced and what was
    /// missed.</summary>
    [
        Function("GetPseudonymised"),
        Access(Roles.Custodian, Roles.SiteResearcher, Roles.Coder, Roles.StudyLead),
        SiteScoped,
        Audited("read-transcript")
    ]
    public async Task<Results<Ok<PseudonymisedView>, Problem<Missing>, Problem<WrongState>>> PseudonymisedAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/pseudonymised"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}' you can see.");
        if (transcript.PseudonymVersion == 0)
            return Problems.Conflict($"Transcript {transcriptId} is not pseudonymised yet.");
        // Coders and the study lead read it once the site has released it; the site and the custodian while they check
        // it.
        if (!transcript.Status.IsAtLeast(TranscriptStatus.Pseudonymised) && !req.HttpContext.User.CanCheck(transcript))
            return Problems.Conflict($"Transcript {transcriptId} is waiting for the site's check.");
        return TypedResults.Ok(
            new PseudonymisedView(
                transcriptId,
                transcript.PseudonymVersion,
                await texts.LoadPseudonymisedAsync(transcriptId, transcript.PseudonymVersion, ct)
            )
        );
    }

    [
        Function("CorrectPseudonymisation"),
        Access(Roles.Custodian, Roles.SiteResearcher),
        Audited("pseudonymisation-correction")
    ]
    public async Task<
        Results<Ok<CorrectionAnswer>, Problem<NoStudy>, Problem<Refused>, Problem<Missing>, Problem<Invalid>>
    > CorrectAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/pseudonymisation/corrections"
        )]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<CorrectionRequest>(ct);
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var user = req.HttpContext.User;
        if (!user.IsInRole(Roles.Custodian) && !study.Sites.Any(s => user.HasSite(s.Id)))
            return Problems.Forbidden("You have no site in this study.");
        var text = request?.Text?.Trim() ?? "";
        if (
            text.Length == 0
            && request is { Kind: "not-an-identifier", TranscriptId: { } tid, Pseudonym: { } pseudonym }
        )
        {
            if (await OriginalOfAsync(studyId, tid, pseudonym, user, ct) is not { } original)
                return Problems.NotFound($"There is no {pseudonym} in a transcript you can see.");
            text = original;
        }
        if (text.Length is < 2 or > 200)
            return Problems.BadRequest("Give the word or name to correct (2 to 200 characters).");

        CorrectionKind? kind = request!.Kind switch
        {
            "missed" => CorrectionKind.Missed,
            "not-an-identifier" => CorrectionKind.NotAnIdentifier,
            _ => null,
        };
        if (kind is null)
            return Problems.BadRequest("Kind must be 'missed' or 'not-an-identifier'.");
        await corrections.SaveAsync(
            studyId,
            [new Correction(kind.Value, text, request.Category ?? IdentifierCategory.Person)],
            ct
        );
        // The audit names the kind of correction, not the word: the word may be a name.
        AuditDetail.Set(req.HttpContext, action: $"pseudonymisation-correction:{request.Kind}");
        var affected = await corrections.PseudonymiseAgainAsync(studyId, [text], ct);
        return TypedResults.Ok(
            new CorrectionAnswer(
                $"Correction saved; {affected.Count} transcript(s) are being " + $"pseudonymised again.",
                affected
            )
        );
    }

    /// <summary>The original a placeholder replaced in one transcript, read from its key; it stays inside the
    /// app.</summary>
    async Task<string?> OriginalOfAsync(
        string studyId,
        string transcriptId,
        string pseudonym,
        System.Security.Claims.ClaimsPrincipal user,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || transcript.PseudonymVersion == 0 || !user.CanSee(transcript))
            return null;
        if (await texts.LoadKeyLogAsync(transcriptId, transcript.PseudonymVersion, ct) is not { } sealedLog)
            return null;
        return KeyLogCipher
            .Decrypt(sealedLog, keys.KeyEncryptionKey, transcriptId)
            .FirstOrDefault(r => r.Pseudonym == pseudonym)
            ?.Original;
    }
}
