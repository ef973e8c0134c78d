using PipelineFunctions.App.Audit;
using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Apis;

/// <summary>A study's codebook in JSON, CSV or REFI-QDA (.qdc; a .qdpx project's codes can be read in too); replacing it makes a new version, the old ones stay named.</summary>
public static class CodebookApi
{
    public static void MapCodebookApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studies/{studyId}/codebook", ExportAsync).RequireAuthorization().AddEndpointFilter<StudyAccessFilter>();
        app.MapPut("/api/studies/{studyId}/codebook", ImportAsync).Audited("change-codebook").RequireAuthorization(p => p.RequireRole(Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
        app.MapGet("/api/studies/{studyId}/codebook/proposals", ProposalsAsync).RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
        app.MapPost("/api/studies/{studyId}/codebook/proposals", ProposeAsync).Audited("propose-code").RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
        app.MapPost("/api/studies/{studyId}/codebook/proposals/{proposalId}/approve", ApproveAsync).Audited("approve-code").RequireAuthorization(p => p.RequireRole(Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();
    }

    public sealed record ProposalRequest(string Name, string Definition, string? Parent = null);

    static async Task<IResult> ProposalsAsync(string studyId, StudyStore studies, CancellationToken ct) =>
        await studies.GetAsync(studyId, ct) is { } study ? Results.Ok(study.CodeProposals) : Results.NotFound(new { message = $"There is no study '{studyId}'." });

    /// <summary>An inductive code, proposed while coding: it waits for the study lead.</summary>
    static async Task<IResult> ProposeAsync(string studyId, ProposalRequest request, ClaimsPrincipal user, StudyStore studies, CosmosContainers cosmos,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Definition))
            return Results.BadRequest(new { message = "A proposed code needs a name and a definition." });
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        if (request.Parent is { } parent && study.Codebook.Find(parent) is null) return Results.BadRequest(new { message = $"'{parent}' is not a code of this codebook." });
        var proposal = new CodeProposal(Guid.NewGuid().ToString("n")[..10], request.Name.Trim(), request.Definition.Trim(), request.Parent, user.Name(), clock.GetUtcNow(), "proposed");
        await cosmos.Studies.PatchItemAsync<StudyDocument>(studyId, new PartitionKey(StudyDocument.PartitionValue), [PatchOperation.Add("/codeProposals/-", proposal)], cancellationToken: ct);
        return Results.Ok(new { message = "Proposed; the study lead will decide.", proposal.Id });
    }

    static async Task<IResult> ApproveAsync(string studyId, string proposalId, ClaimsPrincipal user, StudyStore studies, CosmosContainers cosmos,
        TimeProvider clock, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        var proposal = study?.CodeProposals.FirstOrDefault(p => p.Id == proposalId);
        if (study?.Codebook is null || proposal is null) return Results.NotFound(new { message = $"There is no proposal '{proposalId}'." });
        if (proposal.State != "proposed") return Results.Conflict(new { message = $"That proposal is {proposal.State} already." });
        var id = CodeId(proposal.Name, study.Codebook);
        var codebook = study.Codebook with { Codes = [.. study.Codebook.Codes, new Code(id, proposal.Name, proposal.Parent, proposal.Definition)] };
        var index = study.CodeProposals.IndexOf(proposal);
        var version = await studies.SetCodebookAsync(studyId, codebook, user.Name(), clock.GetUtcNow(), ct,
            PatchOperation.Set($"/codeProposals/{index}", proposal with { State = "approved" }));
        return Results.Ok(new { message = $"'{proposal.Name}' is now code '{id}' (codebook {version}).", code = id, version });
    }

    static string CodeId(string name, Codebook codebook)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var id = slug.Length == 0 ? "code" : slug;
        for (var n = 2; codebook.Find(id) is not null; n++) id = $"{slug}-{n}";
        return id;
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
                "qdpx" => QdpxReader.ReadCodebook(new MemoryStream(body.ToArray()), study.Codebook) with { Name = name },
                _ => throw new FormatException("Format must be json, csv, qdc or qdpx."),
            };
        }
        catch (FormatException e) { return Results.BadRequest(new { message = e.Message }); }
        catch (QdpxRejectedException e) { return Results.BadRequest(new { message = e.Message }); }

        var version = await studies.SetCodebookAsync(studyId, codebook, user.Name(), clock.GetUtcNow(), ct);
        return Results.Ok(new { message = $"Codebook version {version} with {codebook.Codes.Count} codes; earlier suggestions keep the version they used.", version });
    }
}
