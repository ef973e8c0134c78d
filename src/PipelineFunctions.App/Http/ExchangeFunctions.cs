using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Exchange.Mapping;

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
    /// A project into the study. Each source goes to the site and language the study lead chose for it in
    /// <c>mapping</c> (JSON, by source GUID: a form part beside the <c>file</c>, or a query parameter), else to those
    /// the file gives it (its own variables or its cases'), else to <c>site</c>/<c>language</c> when given; a source
    /// left without either is reported and not imported, and one the study already holds is never imported again.
    /// The body is the <c>.qdpx</c> itself or a multipart form with it as <c>file</c>. <c>dryRun=true</c> answers with
    /// the plan and writes nothing.
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
        var (content, mappingJson, problem) = await ReadAsync(req, ct);
        if (problem == BodyProblem.TooLarge)
            return TooLarge();
        if (problem == BodyProblem.NoFile)
            return Problems.BadRequest("Choose the project file (.qdpx) to import; the form held none.");
        if (content.Length == 0)
            return Problems.BadRequest(
                "The file was empty. Choose a REFI-QDA project (.qdpx) exported from NVivo, "
                    + "ATLAS.ti, MAXQDA, QualCoder or this app."
            );
        if (content.Length > MaxImportBytes)
            return TooLarge();
        var (choices, unreadable) = ImportMapping.Parse(mappingJson);
        if (choices is null)
            return Problems.BadRequest(unreadable!);

        // Tolerant: what can be placed is, and the answer says what was not and why; only an unreadable archive is
        // refused.
        QdpxImport import;
        try
        {
            import = QdpxReader.Import(content, study.Codebook);
        }
        catch (QdpxRejectedException e)
        {
            return Problems.Unreadable(
                e.Message,
                new Dictionary<string, object?> { ["problem"] = e.Problem.ToString() }
            );
        }
        var user = req.HttpContext.User;
        var (plan, errors) = await plans.PlanAsync(study, import, choices, site, language, ct);
        if (errors.Count > 0)
            return Problems.BadRequest(
                string.Join(" ", errors.Select(e => e.Message)) + " Nothing was imported.",
                new Dictionary<string, object?> { ["errors"] = errors }
            );
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
                    StudyExchange.Findings(import),
                    ImportPlans.Sites(study),
                    study.Languages
                )
            );
        }
        var report = await exchange.ImportAsync(study, import, plan, user.Name(), ct);
        AuditDetail.Set(req.HttpContext, target: $"sources:{report.Sources.Count}");
        return TypedResults.Ok(report);
    }

    /// <summary>What an import would do: a sentence, the counts, each source's plan (site and language, where from,
    /// suggestions, duplicates, size), and the study's sites and languages to choose from.</summary>
    public sealed record ImportDryRun(
        string Summary,
        int ToImport,
        int AlreadyInStudy,
        int AwaitingChoice,
        int NotPlaced,
        IReadOnlyList<SourcePlan> Sources,
        IReadOnlyList<QdpxFinding> Problems,
        IReadOnlyList<ImportSite> Sites,
        IReadOnlyList<string> Languages
    );

    enum BodyProblem
    {
        None,
        NoFile,
        TooLarge,
    }

    /// <summary>The project's bytes and the mapping: the body itself, or a form's <c>file</c> and <c>mapping</c>
    /// parts; a <c>mapping</c> query parameter counts when the form has none.</summary>
    static async Task<(byte[] Content, string? Mapping, BodyProblem Problem)> ReadAsync(
        HttpRequest req,
        CancellationToken ct
    )
    {
        var mapping = req.Query["mapping"].FirstOrDefault();
        using var body = new MemoryStream();
        if (!req.HasFormContentType)
        {
            await req.Body.CopyToAsync(body, ct);
            return (body.ToArray(), mapping, BodyProblem.None);
        }
        IFormCollection form;
        try
        {
            form = await req.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxImportBytes }, ct);
        }
        catch (InvalidDataException)
        {
            // A form past the limit, sent without a Content-Length to refuse it by.
            return ([], mapping, BodyProblem.TooLarge);
        }
        if (form.Files.GetFile("file") is not { } file)
            return ([], mapping, BodyProblem.NoFile);
        await file.CopyToAsync(body, ct);
        return (body.ToArray(), Blank(form["mapping"].FirstOrDefault()) ?? mapping, BodyProblem.None);
    }

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
