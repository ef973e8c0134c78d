using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Http;

/// <summary>A site of a study on the wire; <paramref name="Languages"/> are those its transcripts come in.</summary>
public sealed record SiteView(string Id, string Name, string? Country = null, List<string>? Languages = null)
{
    public static SiteView Of(StudySite s) => new(s.Id, s.Name, s.Country, s.Languages);

    public static List<SiteView> Of(IEnumerable<StudySite> sites) => [.. sites.Select(Of)];

    public StudySite ToSite() => new(Id, Name, Country, Languages);
}

public sealed record CreateStudyRequest(
    string Id,
    string Name,
    List<SiteView> Sites,
    List<string> Languages,
    Codebook Codebook,
    List<RosterEntry>? Roster = null,
    List<string>? AllowList = null,
    PlaceholderStyle PlaceholderStyle = PlaceholderStyle.Numbered,
    bool AllowCloudLanguage = false,
    int DoubleCodeFirst = 0,
    List<string>? DoubleCodeTranscripts = null,
    bool SiteCheck = true
);

public sealed record StudySummary(
    string Id,
    string Name,
    List<SiteView> Sites,
    List<string> Languages,
    string? CodebookVersion,
    string? Codebook,
    int Codes,
    bool SiteCheck
)
{
    public static StudySummary Of(StudyDocument s) =>
        new(
            s.Id,
            s.Name,
            SiteView.Of(s.Sites),
            s.Languages,
            s.CodebookVersion,
            s.Codebook?.Name,
            s.Codebook?.Codes.Count ?? 0,
            s.SiteCheck
        );
}

/// <summary>Studies: created by the study lead with sites, languages, codebook and roster; read by anyone on the
/// study.</summary>
public sealed partial class StudiesFunctions(
    StudyStore studies,
    TranscriptTexts texts,
    StudySummaryStore summaries,
    TimeProvider clock
)
{
    [Function("CreateStudy"), Access(Roles.StudyLead)]
    public async Task<Results<Created<StudySummary>, Problem<Invalid>, Problem<Duplicate>>> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies")] HttpRequest req,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<CreateStudyRequest>(ct);
        if (request is null || Validate(request) is { } problem)
            return Problems.BadRequest(request is null ? "Send the study as JSON." : Validate(request)!);
        var codebookJson = CodebookJson.Write(request.Codebook);
        try
        {
            CodebookJson.Parse(codebookJson);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }

        var codebook = CodeColours.Fill(request.Codebook);
        var study = new StudyDocument
        {
            Id = request.Id,
            Name = request.Name,
            Sites = [.. request.Sites.Select(s => s.ToSite())],
            Languages = request.Languages,
            Codebook = codebook,
            CodebookVersion = codebook.Version(),
            CodebookHistory =
            [
                new CodebookVersionEntry(codebook.Version(), clock.GetUtcNow(), "study creation", codebook.Codes.Count),
            ],
            AllowList = request.AllowList ?? [],
            PlaceholderStyle = request.PlaceholderStyle,
            AllowCloudLanguage = request.AllowCloudLanguage,
            DoubleCodeFirst = Math.Max(0, request.DoubleCodeFirst),
            DoubleCodeTranscripts = request.DoubleCodeTranscripts ?? [],
            SiteCheck = request.SiteCheck,
            CreatedAt = clock.GetUtcNow(),
        };
        // The roster names people: it goes to the restricted container, never into the study document.
        await texts.SaveRosterAsync(study.Id, request.Roster ?? [], ct);
        if (!await studies.CreateAsync(study, ct))
            return Problems.Duplicate($"Study '{study.Id}' exists already.");
        // The summary exists before the first upload: transcripts recorded in parallel then only patch it; otherwise
        // each would build one and the losers' counts could be lost.
        await summaries.GetAsync(study.Id, ct);
        return TypedResults.Created($"/api/studies/{study.Id}", StudySummary.Of(study));
    }

    [Function("GetStudy"), Access]
    public async Task<Results<Ok<StudySummary>, Problem<NoStudy>>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}")] HttpRequest req,
        string studyId,
        CancellationToken ct
    ) =>
        await studies.GetAsync(studyId, ct) is { } study
            ? TypedResults.Ok(StudySummary.Of(study))
            : Problems.NoStudy(studyId);

    static string? Validate(CreateStudyRequest r)
    {
        if (!Slug().IsMatch(r.Id ?? ""))
            return "The study id must be 2-40 lower-case letters, digits or dashes.";
        if (string.IsNullOrWhiteSpace(r.Name))
            return "The study needs a name.";
        if (r.Sites is not { Count: > 0 } || r.Sites.Any(s => !Slug().IsMatch(s.Id ?? "")))
            return "The study needs sites, each with an id of lower-case letters, digits or dashes.";
        if (r.Languages is not { Count: > 0 } || r.Languages.Any(l => !Language().IsMatch(l ?? "")))
            return "The study needs languages as ISO 639 codes (en, sw, de, he, lg).";
        if (r.Codebook is null)
            return "The study needs a codebook.";
        if (r.Roster?.Any(e => string.IsNullOrWhiteSpace(e.Identifier)) == true)
            return "Every roster entry needs an identifier.";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    internal static partial Regex Slug();

    [GeneratedRegex("^[a-z]{2,3}$")]
    internal static partial Regex Language();
}
