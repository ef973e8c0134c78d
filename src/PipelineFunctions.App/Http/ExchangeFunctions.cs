using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Http;

/// <summary>
/// Exchange with NVivo, ATLAS.ti and MAXQDA: a study (or chosen transcripts) as a REFI-QDA <c>.qdpx</c> project or as
/// a table of coded passages, and a <c>.qdpx</c> project's codes, sources and codings into a study.
/// </summary>
public sealed class ExchangeFunctions(
    StudyStore studies,
    TranscriptStore store,
    StudyExchange exchange,
    ImportPlans plans
)
{
    const long MaxImportBytes = 200 * 1024 * 1024;

    [Function("ExportProject"), Access(Roles.Coder, Roles.StudyLead), Audited("export-qdpx")]
    public async Task<Results<FileContentHttpResult, Problem<NoStudy>, Problem<Missing>>> ExportProjectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/export/qdpx")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var (study, chosen, missing) = await ChooseAsync(studyId, req.Query["transcripts"].FirstOrDefault(), ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        if (missing is not null)
            return NoTranscript(missing);
        var user = req.HttpContext.User;
        var project = await exchange.ExportAsync(study, chosen, CodingRules.VisibleTo(user), ct);
        AuditDetail.Set(req.HttpContext, target: $"transcripts:{project.Sources.Count}");
        return TypedResults.File(QdpxWriter.Write(project), "application/zip", $"{studyId}.qdpx");
    }

    [Function("ExportPassages"), Access(Roles.Coder, Roles.StudyLead), Audited("export-passages")]
    public async Task<
        Results<FileContentHttpResult, Problem<Invalid>, Problem<NoStudy>, Problem<Missing>>
    > ExportPassagesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/export/passages")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var format = req.Query["format"].FirstOrDefault();
        if (format is not (null or "csv" or "xlsx"))
            return Problems.BadRequest("Format must be csv or xlsx.");
        var (study, chosen, missing) = await ChooseAsync(studyId, req.Query["transcripts"].FirstOrDefault(), ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        if (missing is not null)
            return NoTranscript(missing);
        var user = req.HttpContext.User;
        var project = await exchange.ExportAsync(study, chosen, CodingRules.VisibleTo(user), ct);
        var sites = chosen.ToDictionary(
            t => StudyExchange.SourceGuid(t.Id),
            t => t.SiteId,
            StringComparer.OrdinalIgnoreCase
        );
        var rows = CodedPassageTable.Rows(project, s => sites.GetValueOrDefault(s.Guid));
        AuditDetail.Set(
            req.HttpContext,
            action: $"export-passages-{format ?? "csv"}",
            target: $"transcripts:{project.Sources.Count}"
        );
        return format == "xlsx"
            ? TypedResults.File(
                CodedPassageTable.ToXlsx(rows),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"{studyId}-coded-passages.xlsx"
            )
            : TypedResults.File(CodedPassageTable.ToCsv(rows), "text/csv", $"{studyId}-coded-passages.csv");
    }

    /// <summary>
    /// A project into the study. Each source goes to the site and language the file gives it (its own variables or its
    /// cases'), else to <c>site</c>/<c>language</c> when given; a source the study already holds is not imported again.
    /// <c>dryRun=true</c> answers with that plan and writes nothing.
    /// </summary>
    [Function("ImportProject"), Access(Roles.StudyLead), Audited("import-qdpx")]
    public async Task<
        Results<
            Ok<ImportDryRun>,
            Ok<StudyExchange.ImportReport>,
            Problem<NoStudy>,
            Problem<Invalid>,
            Problem<TooLarge>,
            Problem<Unreadable>
        >
    > ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/import/qdpx")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var (site, language) = (
            Blank(req.Query["site"].FirstOrDefault()),
            Blank(req.Query["language"].FirstOrDefault())
        );
        var dryRun = string.Equals(req.Query["dryRun"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        if (site is not null && study.Sites.All(s => s.Id != site))
            return Problems.BadRequest(
                $"This study has no site '{site}'. Choose one of its sites for the sources "
                    + $"the file does not place."
            );
        if (language is not null && !study.Languages.Contains(language))
            return Problems.BadRequest(
                $"This study is not in the language '{language}'. Choose one of its languages "
                    + $"for the sources the file does not place."
            );
        if (req.ContentLength > MaxImportBytes)
            return TooLarge();
        using var body = new MemoryStream();
        await req.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
            return Problems.BadRequest(
                "The file was empty. Choose a REFI-QDA project (.qdpx) exported from NVivo, "
                    + "ATLAS.ti, MAXQDA, QualCoder or this app."
            );
        if (body.Length > MaxImportBytes)
            return TooLarge();

        // Tolerant: what can be placed is, and the answer says what was not and why; only an unreadable archive is
        // refused.
        QdpxImport import;
        try
        {
            import = QdpxReader.Import(body.ToArray(), study.Codebook);
        }
        catch (QdpxRejectedException e)
        {
            return Problems.Unreadable(
                e.Message,
                new Dictionary<string, object?> { ["problem"] = e.Problem.ToString() }
            );
        }
        var user = req.HttpContext.User;
        var plan = await plans.PlanAsync(study, import, site, language, ct);
        if (dryRun)
        {
            AuditDetail.Set(req.HttpContext, action: "import-qdpx-dry-run", target: $"sources:{plan.Sources.Count}");
            return TypedResults.Ok(
                new ImportDryRun(
                    plan.Summary,
                    plan.ToImport,
                    plan.Duplicates,
                    plan.AwaitingChoice,
                    plan.NotPlaced,
                    plan.Sources,
                    plan.Problems
                )
            );
        }
        var report = await exchange.ImportAsync(study, import, plan, user.Name(), ct);
        AuditDetail.Set(req.HttpContext, target: $"sources:{report.Sources.Count}");
        return TypedResults.Ok(report);
    }

    /// <summary>What an import would do: a sentence, the counts, each source's plan (site and language, where from,
    /// suggestions, duplicates).</summary>
    public sealed record ImportDryRun(
        string Summary,
        int ToImport,
        int AlreadyInStudy,
        int AwaitingChoice,
        int NotPlaced,
        IReadOnlyList<Core.Exchange.Mapping.SourcePlan> Sources,
        IReadOnlyList<QdpxFinding> Problems
    );

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// The study and the transcripts asked for (all exportable ones when none are named), or the first one named that
    /// it lacks.
    /// </summary>
    async Task<(StudyDocument? Study, List<TranscriptDocument> Chosen, string? Missing)> ChooseAsync(
        string studyId,
        string? transcripts,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return (null, [], null);
        var all = (await store.ListAsync(studyId, ct)).Where(StudyExchange.Exportable).ToList();
        if (string.IsNullOrWhiteSpace(transcripts))
            return (study, all, null);
        var ids = transcripts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = ids.Where(id => all.All(t => t.Id != id)).ToList();
        if (missing.Count > 0)
            return (study, [], missing[0]);
        return (study, all.Where(t => ids.Contains(t.Id)).ToList(), null);
    }

    static Problem<Missing> NoTranscript(string id) =>
        Problems.NotFound($"No pseudonymised transcript '{id}' in this study.");

    static Problem<TooLarge> TooLarge() =>
        Problems.TooLarge(
            "The project file is larger than 200 MB, more than an import takes. Export fewer sources at a time."
        );
}
