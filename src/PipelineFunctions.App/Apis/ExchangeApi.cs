using System.Security.Claims;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Apis;

/// <summary>
/// Exchange with NVivo, ATLAS.ti and MAXQDA: a study (or chosen transcripts) as a REFI-QDA <c>.qdpx</c> project or as
/// a table of coded passages, and a <c>.qdpx</c> project's codes, sources and codings into a study.
/// </summary>
public static class ExchangeApi
{
    const long MaxImportBytes = 200 * 1024 * 1024;

    public static void MapExchangeApi(this IEndpointRouteBuilder app)
    {
        var exchange = app.MapGroup("/api/studies/{studyId}").AddEndpointFilter<StudyAccessFilter>();
        exchange.MapGet("/export/qdpx", ExportProjectAsync).RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead));
        exchange.MapGet("/export/passages", ExportPassagesAsync).RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead));
        exchange.MapPost("/import/qdpx", ImportAsync).RequireAuthorization(p => p.RequireRole(Roles.StudyLead)).DisableAntiforgery();
    }

    static async Task<IResult> ExportProjectAsync(string studyId, string? transcripts, ClaimsPrincipal user, HttpContext http, StudyStore studies,
        TranscriptStore store, StudyExchange exchange, AuditLog audit, CancellationToken ct)
    {
        var (study, chosen, problem) = await ChooseAsync(studyId, transcripts, studies, store, ct);
        if (problem is not null) return problem;
        var project = await exchange.ExportAsync(study!, chosen, Visible(user), ct);
        await audit.RecordAsync(user, http, studyId, "export-qdpx", $"transcripts:{project.Sources.Count}", ct);
        return Results.File(QdpxWriter.Write(project), "application/zip", $"{studyId}.qdpx");
    }

    static async Task<IResult> ExportPassagesAsync(string studyId, string? transcripts, string? format, ClaimsPrincipal user, HttpContext http,
        StudyStore studies, TranscriptStore store, StudyExchange exchange, AuditLog audit, CancellationToken ct)
    {
        if (format is not (null or "csv" or "xlsx")) return Results.BadRequest(new { message = "Format must be csv or xlsx." });
        var (study, chosen, problem) = await ChooseAsync(studyId, transcripts, studies, store, ct);
        if (problem is not null) return problem;
        var project = await exchange.ExportAsync(study!, chosen, Visible(user), ct);
        var sites = chosen.ToDictionary(t => StudyExchange.SourceGuid(t.Id), t => t.SiteId, StringComparer.OrdinalIgnoreCase);
        var rows = CodedPassageTable.Rows(project, s => sites.GetValueOrDefault(s.Guid));
        await audit.RecordAsync(user, http, studyId, $"export-passages-{format ?? "csv"}", $"transcripts:{project.Sources.Count}", ct);
        return format == "xlsx"
            ? Results.File(CodedPassageTable.ToXlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{studyId}-coded-passages.xlsx")
            : Results.File(CodedPassageTable.ToCsv(rows), "text/csv", $"{studyId}-coded-passages.csv");
    }

    static async Task<IResult> ImportAsync(string studyId, string? site, string? language, HttpRequest request, ClaimsPrincipal user, HttpContext http,
        StudyStore studies, StudyExchange exchange, AuditLog audit, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return Results.NotFound(new { message = $"There is no study '{studyId}'." });
        if (site is null || study.Sites.All(s => s.Id != site)) return Results.BadRequest(new { message = "Name the study site the sources come from (?site=…)." });
        if (request.ContentLength > MaxImportBytes) return Results.Json(new { message = "The project file is over the 200 MB limit." }, statusCode: 413);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length is 0 or > MaxImportBytes) return Results.BadRequest(new { message = "Send the .qdpx file as the request body (up to 200 MB)." });

        QdaProject project;
        try { project = QdpxReader.Read(body.ToArray(), study.Codebook); }
        catch (QdpxRejectedException e) { return Results.UnprocessableEntity(new { message = e.Message, problem = e.Problem.ToString() }); }
        var report = await exchange.ImportAsync(study, project, site, language, user.Name(), ct);
        await audit.RecordAsync(user, http, studyId, "import-qdpx", $"sources:{report.Sources.Count}", ct);
        return Results.Ok(report);
    }

    /// <summary>The study and the transcripts asked for (all exportable ones when none are named).</summary>
    static async Task<(StudyDocument? Study, List<TranscriptDocument> Chosen, IResult? Problem)> ChooseAsync(string studyId, string? transcripts,
        StudyStore studies, TranscriptStore store, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return (null, [], Results.NotFound(new { message = $"There is no study '{studyId}'." }));
        var all = (await store.ListAsync(studyId, ct)).Where(StudyExchange.Exportable).ToList();
        if (string.IsNullOrWhiteSpace(transcripts)) return (study, all, null);
        var ids = transcripts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = ids.Where(id => all.All(t => t.Id != id)).ToList();
        if (missing.Count > 0) return (study, [], Results.NotFound(new { message = $"No pseudonymised transcript '{missing[0]}' in this study." }));
        return (study, all.Where(t => ids.Contains(t.Id)).ToList(), null);
    }

    /// <summary>
    /// Blind double coding holds in exports too: the study lead gets every coder's submitted work, a coder only their own.
    /// The consensus is everyone's.
    /// </summary>
    static Func<CoderWorkDocument, bool> Visible(ClaimsPrincipal user) => work =>
        work.Coder == ReviewApi.FinalCoder || work.Coder == user.Name()
        || work.Submitted && user.IsInRole(Roles.StudyLead);
}
