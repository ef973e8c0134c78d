using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.App.Http;

/// <param name="State"><c>not started</c>, <c>in progress</c> or <c>submitted</c>.</param>
/// <param name="Passages">Passages the coder has coded so far.</param>
public sealed record CoderProgress(string Coder, string State, int Passages);

/// <param name="Passages">The participant passages the figures count.</param>
public sealed record AgreementFigures(double Percent, double Kappa, double Alpha, int Passages, List<string> Coders)
{
    public static AgreementFigures Of(CodeAgreement overall, AgreementUnits units, IEnumerable<string> coders) =>
        new(
            Math.Round(overall.Percent, 3),
            Math.Round(overall.Kappa, 3),
            Math.Round(overall.Alpha, 3),
            units.Counted.Count,
            [.. coders]
        );
}

/// <param name="Assigned">The coders the study lead assigned (none: any coder).</param>
/// <param name="Agreement">Once two coders of a double-coded transcript have submitted: the agreement page's overall figures.</param>
public sealed record TranscriptProgress(
    string Id,
    string FileName,
    string SiteId,
    int Turns,
    bool DoubleCoded,
    List<string> Assigned,
    List<CoderProgress> Coders,
    bool Final,
    AgreementFigures? Agreement
);

/// <summary>
/// Coders' progress and agreement for the study lead's overview: per transcript ready for coding, who codes it and how
/// far each has come, whether it has its final coding, and agreement where two coders submitted. Counts and figures
/// only, never the codes' passages. One partition read per transcript (its codings), one more per submitted pair.
/// </summary>
public sealed class CodingProgressFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    CodingStore codings,
    ReviewStore review
)
{
    // Not audited: counts and figures, no text, and the overview refreshes it by itself.
    [Function("GetCodingProgress"), Access(Roles.StudyLead)]
    public async Task<Results<Ok<List<TranscriptProgress>>, Problem<NoStudy>>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/coding-progress")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var ready = CodingRules.Ready(await transcripts.ListAsync(studyId, ct));
        var doubled = CodingRules.DoubleCoded(study, ready);
        var result = new List<TranscriptProgress>();
        foreach (var t in ready)
        {
            var works = await codings.ListAsync(t.Id, ct);
            var assigned = CodingRules.CodersOf(study, t);
            var coders = works
                .Where(w => w.Coder != CoderWorkDocument.FinalCoder)
                .Select(w => w.Coder)
                .Union(assigned, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name =>
                    works.FirstOrDefault(w => w.Coder == name) is { } w
                        ? new CoderProgress(
                            name,
                            w.Submitted ? "submitted" : "in progress",
                            w.Codings.Select(c => c.Segment).Distinct().Count()
                        )
                        : new CoderProgress(name, "not started", 0)
                )
                .ToList();
            var pair = CodingRules.Pair(works);
            AgreementFigures? agreement = null;
            if (pair.Count == 2)
            {
                var (units, figures) = PairAgreement.Of(await review.SegmentsAsync(t.Id, ct), pair[0], pair[1]);
                agreement = AgreementFigures.Of(figures.Overall, units, pair.Select(p => p.Coder));
            }
            // A double-coded transcript is final with its consensus only; one coder's submission is not yet the pair's.
            var final =
                works.Any(w => w.Coder == CoderWorkDocument.FinalCoder)
                || !doubled.Contains(t.Id) && CodingRules.Final(works) is not null;
            result.Add(
                new TranscriptProgress(
                    t.Id,
                    t.FileName,
                    t.SiteId,
                    t.TurnCount,
                    doubled.Contains(t.Id),
                    [.. assigned],
                    coders,
                    final,
                    agreement
                )
            );
        }
        return TypedResults.Ok(result);
    }
}
