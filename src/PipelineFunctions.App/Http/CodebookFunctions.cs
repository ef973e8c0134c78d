using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Limits;

namespace PipelineFunctions.App.Http;

/// <param name="Examples">Passages (pseudonymised text) that show the code, up to three: a candidate's quotes.</param>
public sealed record ProposalRequest(
    string Name,
    string Definition,
    string? Parent = null,
    List<string>? Examples = null
);

public sealed record Proposed(string Message, string Id);

public sealed record CodebookChanged(string Message, string Version, string? Code = null);

/// <param name="From">The code merged away.</param>
/// <param name="Into">The code kept; it takes the merged code's codings, children and examples.</param>
public sealed record MergeRequest(string From, string Into);

public sealed record CodesMerged(string Message, string Version, int Codings, int Transcripts);

/// <param name="State"><c>proposed</c>, <c>approved</c> or <c>declined</c>.</param>
public sealed record ProposalView(
    string Id,
    string Name,
    string Definition,
    string? Parent,
    string By,
    DateTimeOffset At,
    string State,
    List<string> Examples
)
{
    public static ProposalView Of(CodeProposal p) =>
        new(p.Id, p.Name, p.Definition, p.Parent, p.By, p.At, p.State, p.Examples ?? []);
}

/// <summary>A study's codebook in JSON, CSV or REFI-QDA (.qdc; a .qdpx project's codes can be read in too); replacing
/// it makes a new version, the old ones stay named.</summary>
public sealed class CodebookFunctions(StudyStore studies, CodingsMerge merge, CodeUses uses, TimeProvider clock)
{
    [Function("GetCodebook"), Access]
    public async Task<
        Results<ContentHttpResult, FileContentHttpResult, Problem<Missing>, Problem<Invalid>>
    > ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codebook")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NotFound($"There is no study '{studyId}' with a codebook.");
        return (req.Query["format"].FirstOrDefault() ?? "json") switch
        {
            "json" => TypedResults.Text(CodebookJson.Write(study.Codebook), "application/json", Encoding.UTF8),
            "csv" => TypedResults.File(
                Encoding.UTF8.GetBytes(CodebookCsv.Write(study.Codebook)),
                "text/csv",
                $"{studyId}-codebook.csv"
            ),
            "qdc" => TypedResults.File(
                Encoding.UTF8.GetBytes(CodebookQdc.Write(study.Codebook)),
                "application/xml",
                $"{studyId}-codebook.qdc"
            ),
            _ => Problems.BadRequest("Format must be json, csv or qdc."),
        };
    }

    [Function("ReplaceCodebook"), Access(Roles.StudyLead), Audited("change-codebook")]
    public async Task<
        Results<Ok<CodebookChanged>, Problem<NoStudy>, Problem<Invalid>, Problem<WrongState>>
    > ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/studies/{studyId}/codebook")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        using var body = new MemoryStream();
        await req.Body.CopyToAsync(body, ct);
        if (body.Length is 0 or > 5 * 1024 * 1024)
            return Problems.BadRequest("Send the codebook file as the request body (up to 5 MB).");
        Codebook codebook;
        try
        {
            codebook = CodebookFiles.Read(
                req.Query["format"].FirstOrDefault() ?? "json",
                body.ToArray(),
                study.Codebook?.Name ?? study.Name,
                study.Codebook
            );
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }
        catch (QdpxRejectedException e)
        {
            return Problems.BadRequest(e.Message);
        }
        codebook = CodeColours.Keep(codebook, study.Codebook);
        // A code removed while codings or memos hold it would leave them pointing at nothing: refused, merge it instead.
        if (
            study.Codebook is { } current
            && current.Codes.Any(c => codebook.Find(c.Id) is null)
            && CodeUses.Dangling(await uses.CountAsync(studyId, current, ct), codebook) is { Count: > 0 } dangling
        )
            return Problems.Conflict(
                CodeUses.Refusal(dangling),
                new Dictionary<string, object?> { ["codes"] = dangling }
            );

        var version = await studies.SetCodebookAsync(
            studyId,
            codebook,
            req.HttpContext.User.Name(),
            clock.GetUtcNow(),
            ct
        );
        return TypedResults.Ok(
            new CodebookChanged(
                $"Codebook version {version} with {codebook.Codes.Count} codes; "
                    + $"earlier suggestions keep the version they used.",
                version
            )
        );
    }

    /// <summary>
    /// Two codes made one: a new codebook version without the merged code, and its codings moved to the kept code in
    /// every coder's work (before the new version, and once more after it for a save that came between).
    /// </summary>
    [Function("MergeCodes"), Access(Roles.StudyLead), Audited("merge-codes")]
    public async Task<Results<Ok<CodesMerged>, Problem<Invalid>, Problem<NoStudy>>> MergeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/codebook/merge")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<MergeRequest>(ct);
        if (string.IsNullOrEmpty(request?.From) || string.IsNullOrEmpty(request.Into))
            return Problems.BadRequest("Name the code to merge (from) and the code to keep (into).");
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        Codebook codebook;
        try
        {
            codebook = CodeMerge.Merge(study.Codebook, request.From, request.Into);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }
        var (from, into) = (study.Codebook.Find(request.From)!, study.Codebook.Find(request.Into)!);
        var moved = await merge.MoveAsync(studyId, from.Id, into.Id, ct);
        var version = await studies.MergeCodesAsync(
            studyId,
            codebook,
            new Dictionary<string, string>(study.CodeMerges) { [from.Id] = into.Id },
            req.HttpContext.User.Name(),
            clock.GetUtcNow(),
            ct
        );
        var late = await merge.MoveAsync(studyId, from.Id, into.Id, ct);
        var (codings, transcripts) = (moved.Codings + late.Codings, Math.Max(moved.Transcripts, late.Transcripts));
        AuditDetail.Set(req.HttpContext, target: $"codebook:{version}:merged:{from.Id}:into:{into.Id}");
        return TypedResults.Ok(
            new CodesMerged(
                $"'{from.Name}' merged into '{into.Name}': {codings} codings on {transcripts} transcripts moved "
                    + $"(codebook {version}).",
                version,
                codings,
                transcripts
            )
        );
    }

    /// <summary>Each code that codings or memos use, with how many: what the codebook page names before a removal.
    /// </summary>
    [Function("ListCodeUses"), Access(Roles.StudyLead)]
    public async Task<Results<Ok<IReadOnlyList<CodeUse>>, Problem<NoStudy>>> UsesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codebook/uses")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    ) =>
        await studies.GetAsync(studyId, ct) is { Codebook: { } codebook }
            ? TypedResults.Ok(await uses.CountAsync(studyId, codebook, ct))
            : Problems.NoStudy(studyId);

    [Function("ListCodeProposals"), Access(Roles.Coder, Roles.StudyLead)]
    public async Task<Results<Ok<List<ProposalView>>, Problem<NoStudy>>> ProposalsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codebook/proposals")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    ) =>
        await studies.GetAsync(studyId, ct) is { } study
            ? TypedResults.Ok(study.CodeProposals.Select(ProposalView.Of).ToList())
            : Problems.NoStudy(studyId);

    /// <summary>An inductive code, proposed while coding: it waits for the study lead.</summary>
    [Function("ProposeCode"), Access(Roles.Coder, Roles.StudyLead), Audited("propose-code")]
    public async Task<Results<Ok<Proposed>, Problem<Invalid>, Problem<NoStudy>>> ProposeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/codebook/proposals")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<ProposalRequest>(ct);
        if (string.IsNullOrWhiteSpace(request?.Name) || string.IsNullOrWhiteSpace(request.Definition))
            return Problems.BadRequest("A proposed code needs a name and a definition.");
        if (
            (
                TextLimits.CheckCodeName(request.Name)
                ?? TextLimits.CheckCodeDefinition(request.Definition)
                ?? request.Examples?.Select(TextLimits.CheckCodeDefinition).FirstOrDefault(e => e is not null)
            ) is
            { } tooLong
        )
            return Problems.BadRequest(tooLong);
        var examples = request.Examples?.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (examples?.Count > 3)
            return Problems.BadRequest("A proposed code takes up to three examples.");
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        if (request.Parent is { } parent && study.Codebook.Find(parent) is null)
            return Problems.BadRequest($"'{parent}' is not a code of this codebook.");
        var proposal = new CodeProposal(
            Guid.NewGuid().ToString("n")[..10],
            request.Name.Trim(),
            request.Definition.Trim(),
            request.Parent,
            req.HttpContext.User.Name(),
            clock.GetUtcNow(),
            "proposed",
            examples is { Count: > 0 } ? examples : null
        );
        await studies.ProposeCodeAsync(studyId, proposal, ct);
        return TypedResults.Ok(new Proposed("Proposed; the study lead will decide.", proposal.Id));
    }

    [Function("ApproveCodeProposal"), Access(Roles.StudyLead), Audited("approve-code")]
    public async Task<Results<Ok<CodebookChanged>, Problem<Missing>, Problem<WrongState>>> ApproveAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/codebook/proposals/{proposalId}/approve"
        )]
            HttpRequest req,
        string studyId,
        string proposalId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        var proposal = study?.CodeProposals.FirstOrDefault(p => p.Id == proposalId);
        if (study?.Codebook is null || proposal is null)
            return Problems.NotFound($"There is no proposal '{proposalId}'.");
        if (proposal.State != "proposed")
            return Problems.Conflict($"That proposal is {proposal.State} already.");
        var id = CodeId(proposal.Name, study.Codebook);
        var codebook = study.Codebook with
        {
            Codes =
            [
                .. study.Codebook.Codes,
                new Code(id, proposal.Name, proposal.Parent, proposal.Definition, Examples: proposal.Examples),
            ],
        };
        var version = await studies.ApproveCodeAsync(
            studyId,
            codebook,
            study.CodeProposals.IndexOf(proposal),
            proposal with
            {
                State = "approved",
            },
            req.HttpContext.User.Name(),
            clock.GetUtcNow(),
            ct
        );
        return TypedResults.Ok(
            new CodebookChanged($"'{proposal.Name}' is now code '{id}' (codebook {version}).", version, id)
        );
    }

    static string CodeId(string name, Codebook codebook)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim(
            '-'
        );
        var id = slug.Length == 0 ? "code" : slug;
        for (var n = 2; codebook.Find(id) is not null; n++)
            id = $"{slug}-{n}";
        return id;
    }
}
