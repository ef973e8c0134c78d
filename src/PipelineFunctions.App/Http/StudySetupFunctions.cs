using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Http;

/// <summary>
/// What the study lead edits on the set-up page; the codebook, the roster and who codes what have their own
/// endpoints. <paramref name="SiteCheck"/> and <paramref name="DoubleCodeTranscripts"/> left out of a change keep
/// their values (the transcripts double coded are chosen with the coders, in the coding plan).
/// </summary>
public sealed record StudySettings(
    string Name,
    List<SiteView> Sites,
    List<string> Languages,
    List<string> AllowList,
    PlaceholderStyle PlaceholderStyle,
    bool AllowCloudLanguage,
    int DoubleCodeFirst,
    List<string>? DoubleCodeTranscripts = null,
    bool? SiteCheck = null
)
{
    public static StudySettings Of(StudyDocument s) =>
        new(
            s.Name,
            SiteView.Of(s.Sites),
            s.Languages,
            s.AllowList,
            s.PlaceholderStyle,
            s.AllowCloudLanguage,
            s.DoubleCodeFirst,
            s.DoubleCodeTranscripts,
            s.SiteCheck
        );
}

public sealed record RosterPreview(
    string Message,
    int Entries,
    Dictionary<string, int> ByCategory,
    List<RosterEntry> Rows
);

/// <summary>
/// Setting a study up in the browser (study lead): its settings read and changed, a codebook file read into JSON before
/// a study exists, the roster uploaded from CSV (previewed first; kept in the restricted container, never shown to
/// coders), and code proposals declined (approval is in <see cref="CodebookFunctions"/>).
/// </summary>
public sealed class StudySetupFunctions(StudyStore studies, TranscriptTexts texts)
{
    [Function("GetStudySettings"), Access(Roles.StudyLead)]
    public async Task<Results<Ok<StudySettings>, Problem<NoStudy>>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/settings")] HttpRequest req,
        string studyId,
        CancellationToken ct
    ) =>
        await studies.GetAsync(studyId, ct) is { } study
            ? TypedResults.Ok(StudySettings.Of(study))
            : Problems.NoStudy(studyId);

    [Function("SetStudySettings"), Access(Roles.StudyLead), Audited("change-study")]
    public async Task<Results<Ok<StudySettings>, Problem<NoStudy>, Problem<Invalid>>> SetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/studies/{studyId}/settings")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var s = await req.ReadFromJsonAsync<StudySettings>(ct);
        if (s is null)
            return Problems.BadRequest("Send the settings as JSON.");
        if (string.IsNullOrWhiteSpace(s.Name))
            return Problems.BadRequest("The study needs a name.");
        if (
            s.Sites is not { Count: > 0 }
            || s.Sites.Any(x => !StudiesFunctions.Slug().IsMatch(x.Id ?? "") || string.IsNullOrWhiteSpace(x.Name))
        )
            return Problems.BadRequest(
                "The study needs sites, each with a name and an id of lower-case letters, " + "digits or dashes."
            );
        if (
            s.Languages is not { Count: > 0 }
            || s.Languages.Concat(s.Sites.SelectMany(x => x.Languages ?? []))
                .Any(l => !StudiesFunctions.Language().IsMatch(l ?? ""))
        )
            return Problems.BadRequest("Languages are ISO 639 codes (en, sw, de, he, lg).");
        study.Name = s.Name.Trim();
        study.Sites = [.. s.Sites.Select(x => x.ToSite())];
        study.Languages = s.Languages;
        study.AllowList = [.. (s.AllowList ?? []).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct()];
        study.PlaceholderStyle = s.PlaceholderStyle;
        study.AllowCloudLanguage = s.AllowCloudLanguage;
        study.DoubleCodeFirst = Math.Max(0, s.DoubleCodeFirst);
        study.DoubleCodeTranscripts = s.DoubleCodeTranscripts ?? study.DoubleCodeTranscripts;
        study.SiteCheck = s.SiteCheck ?? study.SiteCheck;
        await studies.SetSettingsAsync(study, ct);
        return TypedResults.Ok(StudySettings.Of(study));
    }

    /// <summary>A codebook file (<c>?format=json|csv|qdc|qdpx</c>) read into the JSON a new study is created with;
    /// nothing is stored.</summary>
    [Function("ReadCodebookFile"), Access(Roles.StudyLead)]
    public async Task<Results<ContentHttpResult, Problem<Invalid>>> ReadCodebookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/codebook-files")] HttpRequest req,
        CancellationToken ct
    )
    {
        var body = await ReadBodyAsync(req, ct);
        if (body.Length == 0)
            return Problems.BadRequest("Send the codebook file as the request body (up to 5 MB).");
        try
        {
            var codebook = CodebookFiles.Read(
                req.Query["format"].FirstOrDefault() ?? "json",
                body,
                req.Query["name"].FirstOrDefault() is { Length: > 0 } n ? n : "Codebook"
            );
            return TypedResults.Text(CodebookJson.Write(codebook), "application/json", Encoding.UTF8);
        }
        catch (Exception e) when (e is FormatException or QdpxRejectedException)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    /// <summary>The roster from CSV: <c>?preview=true</c> reads it and answers what it holds; without, it replaces the
    /// study's roster.</summary>
    [Function("SetRoster"), Access(Roles.StudyLead), Audited("change-roster")]
    public async Task<Results<Ok<RosterPreview>, Problem<NoStudy>, Problem<Invalid>>> RosterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/roster")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        if (await studies.GetAsync(studyId, ct) is null)
            return Problems.NoStudy(studyId);
        var body = await ReadBodyAsync(req, ct);
        if (body.Length == 0)
            return Problems.BadRequest("Send the roster CSV as the request body (up to 5 MB).");
        IReadOnlyList<RosterEntry> roster;
        try
        {
            roster = RosterCsv.Parse(Encoding.UTF8.GetString(body));
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }
        var preview = string.Equals(req.Query["preview"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        if (!preview)
            await texts.SaveRosterAsync(studyId, roster, ct);
        return TypedResults.Ok(
            new RosterPreview(
                preview
                    ? $"The file holds {roster.Count} entries; nothing is saved yet."
                    : $"Roster saved: {roster.Count} entries, for transcripts pseudonymised from now on.",
                roster.Count,
                roster.GroupBy(r => r.Category.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()),
                preview ? [.. roster] : []
            )
        );
    }

    [Function("DeclineCodeProposal"), Access(Roles.StudyLead), Audited("decline-code")]
    public async Task<Results<Ok<Done>, Problem<Missing>, Problem<WrongState>>> DeclineAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/codebook/proposals/{proposalId}/decline"
        )]
            HttpRequest req,
        string studyId,
        string proposalId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        var proposal = study?.CodeProposals.FirstOrDefault(p => p.Id == proposalId);
        if (study is null || proposal is null)
            return Problems.NotFound($"There is no proposal '{proposalId}'.");
        if (proposal.State != "proposed")
            return Problems.Conflict($"That proposal is {proposal.State} already.");
        await studies.SetProposalAsync(
            studyId,
            study.CodeProposals.IndexOf(proposal),
            proposal with
            {
                State = "declined",
            },
            ct
        );
        return TypedResults.Ok(new Done($"'{proposal.Name}' declined; {proposal.By} will see it marked so."));
    }

    static async Task<byte[]> ReadBodyAsync(HttpRequest req, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await req.Body.CopyToAsync(body, ct);
        return body.Length > 5 * 1024 * 1024 ? [] : body.ToArray();
    }
}
