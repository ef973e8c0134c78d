using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Apis;

/// <summary>A study's codebook in JSON, CSV or REFI-QDA (.qdc); replacing it makes a new version, the old ones stay named.</summary>
public static class CodebookApi
{
    public static void MapCodebookApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studies/{studyId}/codebook", ExportAsync).RequireAuthorization();
        app.MapPut("/api/studies/{studyId}/codebook", ImportAsync).RequireAuthorization(p => p.RequireRole(Roles.StudyLead));
    }

    static async Task<IResult> ExportAsync(string studyId, string? format, StudyStore studies, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null) return Results.NotFound(new { message = $"There is no study '{studyId}' with a codebook." });
        return (format ?? "json") switch
        {
            "json" => Results.Text(CodebookJson.Write(study.Codebook), "application/json", Encoding.UTF8),
            "csv" => Results.File(Encoding.UTF8.GetBytes(CodebookCsv.Write(study.Codebook)), "text/csv", $"{studyId}-codebook.csv"),
            "qdc" => Results.File(Encoding.UTF8.GetBytes(CodebookQdc.Write(study.Codebook)), "application/xml", $"{studyId}-codebook.qdc"),
            _ => Results.BadRequest(new { message = "Format must be json, csv or qdc." }),
        };
    }

    static async Task<IResult> ImportAsync(string studyId, string? format, HttpRequest request, ClaimsPrincipal user, StudyStore studies,
        CosmosContainers cosmos, TimeProvider clock, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length is 0 or > 5 * 1024 * 1024) return Results.BadRequest(new { message = "Send the codebook file as the request body (up to 5 MB)." });
        Codebook codebook;
        try
        {
            var name = study.Codebook?.Name ?? study.Name;
            codebook = (format ?? "json") switch
            {
                "json" => CodebookJson.Parse(Encoding.UTF8.GetString(body.ToArray())),
                "csv" => CodebookCsv.Parse(Encoding.UTF8.GetString(body.ToArray()), name),
                "qdc" => CodebookQdc.Parse(new MemoryStream(body.ToArray()), name),
                _ => throw new FormatException("Format must be json, csv or qdc."),
            };
        }
        catch (FormatException e) { return Results.BadRequest(new { message = e.Message }); }

        var version = codebook.Version();
        var entry = new CodebookVersionEntry(version, clock.GetUtcNow(), user.Name(), codebook.Codes.Count);
        await cosmos.Studies.PatchItemAsync<StudyDocument>(studyId, new PartitionKey(StudyDocument.PartitionValue),
            [PatchOperation.Set("/codebook", codebook), PatchOperation.Set("/codebookVersion", version), PatchOperation.Add("/codebookHistory/-", entry)], cancellationToken: ct);
        return Results.Ok(new { message = $"Codebook version {version} with {codebook.Codes.Count} codes; earlier suggestions keep the version they used.", version });
    }
}
