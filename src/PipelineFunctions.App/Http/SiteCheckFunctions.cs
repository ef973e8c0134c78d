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

namespace PipelineFunctions.App.Http;

public sealed record SiteCheckSummary(
    string Id,
    string FileName,
    string SiteId,
    string Language,
    int Version,
    int Unsure,
    DateTimeOffset UpdatedAt
);

/// <param name="Original">The turn as uploaded; <paramref name="OriginalSpeaker"/> its speaker label.</param>
public sealed record CheckTurn(
    int Index,
    string OriginalSpeaker,
    string Original,
    string Speaker,
    string Pseudonymised
);

/// <param name="Id"><c>u</c> and the number of an unsure span, <c>r</c> and the number of a replacement, in this
/// version.</param>
/// <param name="End">
/// Exclusive, into the original turn's text (or speaker label where <paramref name="InSpeaker"/>).
/// </param>
public sealed record CheckItem(
    string Id,
    string Kind,
    int Turn,
    bool InSpeaker,
    int Start,
    int End,
    string Original,
    string? Pseudonym,
    string? Reason,
    string? Category
);

/// <summary>Who released a transcript from the site's check, when, and which version they checked.</summary>
public sealed record ReleaseView(string By, DateTimeOffset At, int Version);

public sealed record SiteCheckView(
    string TranscriptId,
    string FileName,
    string SiteId,
    string Status,
    int Version,
    bool Waiting,
    ReleaseView? Released,
    List<CheckTurn> Turns,
    List<CheckItem> Items
);

/// <param name="Action"><c>keep</c> the original (not an identifier), <c>replace</c> an unsure span, <c>confirm</c> a
/// replacement.</param>
public sealed record CheckDecision(string Item, string Action, IdentifierCategory? Category = null);

public sealed record MissedSpan(string Text, IdentifierCategory? Category = null);

/// <param name="Version">The pseudonymised version the decisions are about: a newer one means the page is out of
/// date.</param>
public sealed record ReleaseRequest(
    int Version,
    List<CheckDecision>? Decisions = null,
    List<MissedSpan>? Missed = null
);

/// <summary>
/// The site's check before coding: the uploading site's researcher, or the custodian, sees the original beside the
/// pseudonymised text with every replacement and unsure span, decides each, and releases the transcript. Decisions
/// are corrections (<see cref="PseudonymisationCorrections"/>): the next transcript learns from them. Coders and
/// admins never reach it (by role); a researcher of another site finds nothing.
/// </summary>
public sealed class SiteCheckFunctions(
    TranscriptStore transcripts,
    TranscriptTexts texts,
    StudyKeys keys,
    PseudonymisationCorrections corrections,
    TranscriptWorkflow workflow
)
{
    [Function("ListSiteChecks"), Access(Roles.SiteResearcher, Roles.Custodian)]
    public async Task<Ok<List<SiteCheckSummary>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/site-checks")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var user = req.HttpContext.User;
        return TypedResults.Ok(
            (await transcripts.AtAsync(studyId, [TranscriptStatus.AwaitingSiteCheck], ct))
                .Where(user.CanCheck)
                .OrderBy(t => t.UpdatedAt)
                .Select(t => new SiteCheckSummary(
                    t.Id,
                    t.FileName,
                    t.SiteId,
                    t.Language,
                    t.PseudonymVersion,
                    t.UnsureSpans.Count,
                    t.UpdatedAt
                ))
                .ToList()
        );
    }

    [Function("GetSiteCheck"), Access(Roles.SiteResearcher, Roles.Custodian), SiteScoped, Audited("read-site-check")]
    public async Task<Results<Ok<SiteCheckView>, Problem<Missing>, Problem<WrongState>>> GetAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/site-check"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || !req.HttpContext.User.CanCheck(transcript))
            return Problems.NotFound($"There is no transcript '{transcriptId}' you can check.");
        if (transcript.PseudonymVersion == 0)
            return Problems.Conflict($"Transcript {transcriptId} is not pseudonymised yet.");
        // The entry names the version read; it is written before the original goes out, or the original does not.
        AuditDetail.Set(req.HttpContext, target: $"transcript:{transcriptId}:v{transcript.PseudonymVersion}");
        if (await LoadAsync(transcript, ct) is not var (turns, items))
            return Problems.NotFound($"The texts of {transcriptId} are missing.");
        return TypedResults.Ok(
            new SiteCheckView(
                transcript.Id,
                transcript.FileName,
                transcript.SiteId,
                transcript.Status.ToString(),
                transcript.PseudonymVersion,
                transcript.Status == TranscriptStatus.AwaitingSiteCheck,
                transcript.Released is { } r ? new ReleaseView(r.By, r.At, r.Version) : null,
                turns,
                items
            )
        );
    }

    [
        Function("ReleaseSiteCheck"),
        Access(Roles.SiteResearcher, Roles.Custodian),
        SiteScoped,
        Audited("release-site-check")
    ]
    public async Task<
        Results<Ok<CorrectionAnswer>, Problem<Missing>, Problem<Invalid>, Problem<WrongState>>
    > ReleaseAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/site-check/release"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<ReleaseRequest>(ct);
        var user = req.HttpContext.User;
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null || !user.CanCheck(transcript))
            return Problems.NotFound($"There is no transcript '{transcriptId}' you can check.");
        if (request is null)
            return Problems.BadRequest("Send the version checked and the decisions.");
        if (transcript.Status != TranscriptStatus.AwaitingSiteCheck)
            return Problems.Conflict(
                $"Transcript {transcriptId} is {transcript.Status}, not waiting for the site's " + $"check."
            );
        if (request.Version != transcript.PseudonymVersion)
            return Problems.Conflict(
                $"Transcript {transcriptId} was pseudonymised again (version "
                    + $"{transcript.PseudonymVersion}); open it again to check that version."
            );
        if (await LoadAsync(transcript, ct) is not var (_, items))
            return Problems.NotFound($"The texts of {transcriptId} are missing.");

        if (Decide(items, request) is not { } decided)
            return Problems.BadRequest(Refusal(items, request));
        await corrections.SaveAsync(studyId, decided, ct);
        // Kinds and counts, never the words: they may be names.
        AuditDetail.Set(
            req.HttpContext,
            target: $"transcript:{transcriptId}:v{transcript.PseudonymVersion}; "
                + $"kept {decided.Count(d => d.Kind == CorrectionKind.NotAnIdentifier)}, replaced or missed "
                + $"{decided.Count(d => d.Kind == CorrectionKind.Missed)}"
        );
        var released = new SiteRelease(user.Name(), DateTimeOffset.UtcNow, transcript.PseudonymVersion);
        var facts = new TranscriptFacts(Released: released);
        // Decisions that change this transcript make a new version first, which (released) goes straight on.
        var moved =
            decided.Count == 0
                ? await workflow.MoveAsync(
                    transcript,
                    TranscriptStatus.Pseudonymised,
                    $"Released by {released.By} after the site's check.",
                    ct,
                    facts
                )
                : await workflow.MoveAsync(
                    transcript,
                    TranscriptStatus.Parsed,
                    $"Released by {released.By}; pseudonymised again with the site's {decided.Count} decision(s).",
                    ct,
                    facts
                );
        if (!moved)
            return Problems.Conflict($"Transcript {transcriptId} was moved meanwhile; open it again.");
        var others = await corrections.PseudonymiseAgainAsync(
            studyId,
            [.. decided.Select(d => d.Text)],
            ct,
            except: transcriptId
        );
        return TypedResults.Ok(
            new CorrectionAnswer(
                $"Released. {decided.Count} decision(s) saved to the study's roster and allow list; {others.Count} other "
                    + $"transcript(s) are being pseudonymised again.",
                others
            )
        );
    }

    /// <summary>The corrections the decisions make, or null when one is unknown or an unsure span is left
    /// undecided.</summary>
    static List<Correction>? Decide(List<CheckItem> items, ReleaseRequest request)
    {
        var byId = items.ToDictionary(i => i.Id);
        var decisions = request.Decisions ?? [];
        if (decisions.Any(d => !byId.ContainsKey(d.Item) || !Allowed(byId[d.Item], d.Action)))
            return null;
        var decided = decisions.Select(d => d.Item).ToHashSet();
        if (items.Any(i => i.Kind == "unsure" && !decided.Contains(i.Id)))
            return null;
        var missed = (request.Missed ?? []).Select(m => m with { Text = m.Text?.Trim() ?? "" }).ToList();
        if (missed.Any(m => m.Text.Length is < 2 or > 200))
            return null;
        return
        [
            .. decisions
                .Where(d => d.Action == "keep")
                .Select(d => new Correction(CorrectionKind.NotAnIdentifier, byId[d.Item].Original)),
            .. decisions
                .Where(d => d.Action == "replace")
                .Select(d => new Correction(
                    CorrectionKind.Missed,
                    byId[d.Item].Original,
                    d.Category ?? IdentifierCategory.Person
                )),
            .. missed.Select(m => new Correction(
                CorrectionKind.Missed,
                m.Text,
                m.Category ?? IdentifierCategory.Person
            )),
        ];
    }

    static bool Allowed(CheckItem item, string action) =>
        action == "keep" || action == (item.Kind == "unsure" ? "replace" : "confirm");

    static string Refusal(List<CheckItem> items, ReleaseRequest request)
    {
        var decided = (request.Decisions ?? []).Select(d => d.Item).ToHashSet();
        var open = items.Count(i => i.Kind == "unsure" && !decided.Contains(i.Id));
        return open > 0
            ? $"{open} unsure span(s) still to decide: keep or replace each before releasing."
            : "Each decision names an item of this version with keep, replace (unsure spans) or confirm "
                + "(replacements); a missed span is 2 to 200 characters.";
    }

    /// <summary>The original and pseudonymised turns and the items to decide, unsure spans first; null when a text is
    /// missing.</summary>
    async Task<(List<CheckTurn>, List<CheckItem>)?> LoadAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        var parsed = await texts.LoadParsedAsync(transcript.Id, ct);
        var pseudonymised = await texts.LoadPseudonymisedAsync(transcript.Id, transcript.PseudonymVersion, ct);
        var sealedLog = await texts.LoadKeyLogAsync(transcript.Id, transcript.PseudonymVersion, ct);
        if (parsed is null || pseudonymised is null || sealedLog is null)
            return null;
        var replacements = KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, transcript.Id);
        var after = pseudonymised.ToDictionary(t => t.Index);
        var original = parsed.Turns.ToDictionary(t => t.Index);
        var turns = parsed
            .Turns.Select(t => new CheckTurn(
                t.Index,
                t.Speaker,
                t.Text,
                after.TryGetValue(t.Index, out var p) ? p.Speaker : "",
                p?.Text ?? ""
            ))
            .ToList();
        // The spans' text is read here, from the restricted original, by the offsets stored with the version.
        string? TextOf(StoredUnsureSpan u) =>
            original.TryGetValue(u.Turn, out var turn)
            && (u.InSpeaker ? turn.Speaker : turn.Text) is var text
            && u.Start >= 0
            && u.Start < u.End
            && u.End <= text.Length
                ? text[u.Start..u.End]
                : null;
        var unsure = transcript
            .UnsureSpans.Select((u, i) => (u, i, Text: TextOf(u)))
            .Where(x => x.Text is not null)
            .Select(x => new CheckItem(
                $"u{x.i}",
                "unsure",
                x.u.Turn,
                x.u.InSpeaker,
                x.u.Start,
                x.u.End,
                x.Text!,
                null,
                x.u.Reason,
                null
            ))
            .OrderBy(i => i.Turn)
            .ThenBy(i => !i.InSpeaker)
            .ThenBy(i => i.Start);
        var replaced = replacements
            .Select(
                (r, i) =>
                    new CheckItem(
                        $"r{i}",
                        "replaced",
                        r.TurnIndex,
                        r.InSpeaker,
                        r.Start,
                        r.Start + r.Length,
                        r.Original,
                        r.Pseudonym,
                        null,
                        r.Kind
                    )
            )
            .OrderBy(i => i.Turn)
            .ThenBy(i => !i.InSpeaker)
            .ThenBy(i => i.Start);
        return (turns, [.. unsure, .. replaced]);
    }
}
