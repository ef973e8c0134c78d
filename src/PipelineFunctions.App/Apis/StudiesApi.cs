using System.Security.Claims;
using System.Text.RegularExpressions;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Apis;

public sealed record CreateStudyRequest(string Id, string Name, List<StudySite> Sites, List<string> Languages,
    Codebook Codebook, List<RosterEntry>? Roster = null, List<string>? AllowList = null, PlaceholderStyle PlaceholderStyle = PlaceholderStyle.Numbered,
    bool AllowCloudLanguage = false, int DoubleCodeFirst = 0, List<string>? DoubleCodeTranscripts = null);

public static partial class StudiesApi
{
    public static void MapStudiesApi(this IEndpointRouteBuilder app)
    {
        var studies = app.MapGroup("/api/studies");
        studies.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.StudyLead));
        studies.MapGet("/{studyId}", GetAsync).RequireAuthorization().AddEndpointFilter<StudyAccessFilter>();
    }

    static async Task<IResult> CreateAsync(CreateStudyRequest request, StudyStore studies, TranscriptTexts texts, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is { } problem) return Results.BadRequest(new { message = problem });
        var codebookJson = CodebookJson.Write(request.Codebook);
        try { CodebookJson.Parse(codebookJson); }
        catch (FormatException e) { return Results.BadRequest(new { message = e.Message }); }

        var study = new StudyDocument
        {
            Id = request.Id,
            Name = request.Name,
            Sites = request.Sites,
            Languages = request.Languages,
            Codebook = request.Codebook,
            CodebookVersion = request.Codebook.Version(),
            CodebookHistory = [new CodebookVersionEntry(request.Codebook.Version(), clock.GetUtcNow(), "study creation", request.Codebook.Codes.Count)],
            AllowList = request.AllowList ?? [],
            PlaceholderStyle = request.PlaceholderStyle,
            AllowCloudLanguage = request.AllowCloudLanguage,
            DoubleCodeFirst = Math.Max(0, request.DoubleCodeFirst),
            DoubleCodeTranscripts = request.DoubleCodeTranscripts ?? [],
            CreatedAt = clock.GetUtcNow(),
        };
        // The roster names people: it goes to the restricted container, never into the study document.
        await texts.SaveRosterAsync(study.Id, request.Roster ?? [], ct);
        if (!await studies.CreateAsync(study, ct)) return Results.Conflict(new { message = $"Study '{study.Id}' exists already." });
        return Results.Created($"/api/studies/{study.Id}", Summary(study));
    }

    static async Task<IResult> GetAsync(string studyId, StudyStore studies, CancellationToken ct) =>
        await studies.GetAsync(studyId, ct) is { } study ? Results.Ok(Summary(study)) : Results.NotFound(new { message = $"There is no study '{studyId}'." });

    static object Summary(StudyDocument s) => new { s.Id, s.Name, s.Sites, s.Languages, s.CodebookVersion, codebook = s.Codebook?.Name, codes = s.Codebook?.Codes.Count ?? 0 };

    static string? Validate(CreateStudyRequest r)
    {
        if (!Slug().IsMatch(r.Id ?? "")) return "The study id must be 2-40 lower-case letters, digits or dashes.";
        if (string.IsNullOrWhiteSpace(r.Name)) return "The study needs a name.";
        if (r.Sites is not { Count: > 0 } || r.Sites.Any(s => !Slug().IsMatch(s.Id ?? ""))) return "The study needs sites, each with an id of lower-case letters, digits or dashes.";
        if (r.Languages is not { Count: > 0 } || r.Languages.Any(l => !Language().IsMatch(l ?? ""))) return "The study needs languages as ISO 639 codes (en, sw, de, he, lg).";
        if (r.Codebook is null) return "The study needs a codebook.";
        if (r.Roster?.Any(e => string.IsNullOrWhiteSpace(e.Identifier)) == true) return "Every roster entry needs an identifier.";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex Language();
}
