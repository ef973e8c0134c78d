using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Reports;

namespace PipelineFunctions.App.Http;

/// <param name="Transcripts">Transcripts ready for coding whose coding was read.</param>
public sealed record ThemesReportView(
    string StudyName,
    int Transcripts,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ThemeTable> Themes
);

/// <summary>
/// The study lead's themes report (<see cref="ThemesReportBuilder"/>): the codebook's themes and subthemes with coded
/// passages by site and speaker role and the quotes coders marked, as JSON for the page or as a Word document.
/// Reads one partition per transcript (its codings, then its turns), as the matrix does.
/// </summary>
public sealed class ThemesReportFunctions(StudyStore studies, StudyCodings codings, ReviewStore review)
{
    [Function("GetThemesReport"), Access(Roles.StudyLead), Audited("read-themes-report")]
    public async Task<Results<Ok<ThemesReportView>, FileContentHttpResult, Problem<NoStudy>>> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/reports/themes")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var visible = await codings.ListAsync(studyId, req.HttpContext.User, _ => true, ct);
        // Turns are read only where something is coded, all at once: each is a partition of its own.
        var coded = visible
            .Select((v, order) => (Coding: v, Order: order))
            .Where(x => (x.Coding.Shown ?? []).Any(w => w.Codings.Count > 0) || x.Coding.Mine?.Codings.Count > 0)
            .ToList();
        var turns = await Task.WhenAll(coded.Select(x => review.SegmentsAsync(x.Coding.Transcript.Id, ct)));
        var (passages, quotes) = (new List<ReportPassage>(), new List<ReportQuote>());
        foreach (var ((coding, order), i) in coded.Select((x, i) => (x, i)))
        {
            var siteName = study.Sites.FirstOrDefault(s => s.Id == coding.Transcript.SiteId)?.Name;
            var (p, q) = ThemesReportInput.Of(coding, order, turns[i], siteName ?? coding.Transcript.SiteId);
            passages.AddRange(p);
            quotes.AddRange(q);
        }
        var report = ThemesReportBuilder.Build(
            study.Codebook,
            [.. study.Sites.Select(s => (s.Id, s.Name))],
            passages,
            quotes
        );
        return req.Query["format"].FirstOrDefault() == "docx"
            ? TypedResults.File(
                ThemesReportDocument.Write(report, study.Name),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"{studyId}-themes.docx"
            )
            : TypedResults.Ok(new ThemesReportView(study.Name, visible.Count, report.Columns, report.Themes));
    }
}
