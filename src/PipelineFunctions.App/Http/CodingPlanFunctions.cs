using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

public sealed record SiteCoders(string Id, string Name, List<string> Coders);

/// <param name="Coders">Assigned to this transcript itself; empty: its site's coders code it.</param>
/// <param name="DoubleCoded">Named for double coding by the study lead.</param>
/// <param name="FirstDoubleCoded">Double coded as one of the study's first ready transcripts (<c>doubleCodeFirst</c>).</param>
public sealed record TranscriptCoders(
    string Id,
    string FileName,
    string SiteId,
    string Status,
    List<string> Coders,
    bool DoubleCoded,
    bool FirstDoubleCoded
);

/// <param name="Coders">Coders the page offers: those this deployment knows (locally, from the settings) and those assigned already.</param>
/// <param name="Warnings">What does not add up, in words (a double-coded transcript with one coder); saved all the same.</param>
public sealed record CodingPlanView(
    List<string> Coders,
    List<SiteCoders> Sites,
    List<TranscriptCoders> Transcripts,
    int DoubleCodeFirst,
    List<string> Warnings
);

/// <param name="Sites">Coders by site id.</param>
/// <param name="Transcripts">Coders by transcript id, in place of the site's.</param>
/// <param name="DoubleCoded">The transcripts named for double coding (besides the first <c>doubleCodeFirst</c> ready ones).</param>
public sealed record CodingPlanRequest(
    Dictionary<string, List<string>>? Sites,
    Dictionary<string, List<string>>? Transcripts,
    List<string>? DoubleCoded
);

/// <summary>
/// Who codes what (study lead): coders assigned per site or per transcript, and which transcripts two coders code blind.
/// The coders' list and workspace follow it (<see cref="CodingRules.MayCode"/>); double coding stays the study's
/// <c>doubleCodeFirst</c> and <c>doubleCodeTranscripts</c>.
/// </summary>
public sealed class CodingPlanFunctions(StudyStore studies, TranscriptStore transcripts, PipelineSettings settings)
{
    const int MaxName = 200;

    [Function("GetCodingPlan"), Access(Roles.StudyLead)]
    public async Task<Results<Ok<CodingPlanView>, Problem<NoStudy>>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/coding-plan")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        return TypedResults.Ok(View(study, await transcripts.ListAsync(studyId, ct)));
    }

    [Function("SetCodingPlan"), Access(Roles.StudyLead), Audited("change-coding-plan")]
    public async Task<Results<Ok<CodingPlanView>, Problem<NoStudy>, Problem<Invalid>>> SetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/studies/{studyId}/coding-plan")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var plan = await req.ReadFromJsonAsync<CodingPlanRequest>(ct);
        if (plan is null)
            return Problems.BadRequest("Send who codes what as JSON.");
        var all = await transcripts.ListAsync(studyId, ct);
        var (sites, known) = (
            study.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
            all.Select(t => t.Id).ToHashSet(StringComparer.Ordinal)
        );
        if ((plan.Sites ?? []).Keys.FirstOrDefault(s => !sites.Contains(s)) is { } site)
            return Problems.BadRequest($"The study has no site '{site}'.");
        if (
            (plan.Transcripts ?? []).Keys.Concat(plan.DoubleCoded ?? []).FirstOrDefault(t => !known.Contains(t)) is
            { } transcript
        )
            return Problems.BadRequest($"The study has no transcript '{transcript}'.");
        var names = (plan.Sites ?? []).Values.Concat((plan.Transcripts ?? []).Values).SelectMany(n => n ?? []).ToList();
        if (
            names.Any(n =>
                string.IsNullOrWhiteSpace(n) || n.Trim().Length > MaxName || n.Trim() == CoderWorkDocument.FinalCoder
            )
        )
            return Problems.BadRequest(
                $"A coder is named by their sign-in name: 1 to {MaxName} characters, "
                    + $"and not '{CoderWorkDocument.FinalCoder}'."
            );

        study.SiteCoders = Clean(plan.Sites);
        study.TranscriptCoders = Clean(plan.Transcripts);
        study.DoubleCodeTranscripts = [.. (plan.DoubleCoded ?? []).Distinct(StringComparer.Ordinal)];
        await studies.SetCodingPlanAsync(study, ct);
        return TypedResults.Ok(View(study, all));
    }

    CodingPlanView View(StudyDocument study, IReadOnlyList<TranscriptDocument> all)
    {
        var first = CodingRules
            .Ready(all)
            .Take(study.DoubleCodeFirst)
            .Select(t => t.Id)
            .ToHashSet(StringComparer.Ordinal);
        var named = study.DoubleCodeTranscripts.ToHashSet(StringComparer.Ordinal);
        // Rejected and failed uploads are nobody's to code; a superseded translation is not coded either.
        var codable = all.Where(t =>
                t.Status is not (TranscriptStatus.Rejected or TranscriptStatus.Failed or TranscriptStatus.Superseded)
            )
            .OrderBy(t => t.SiteId, StringComparer.Ordinal)
            .ThenBy(t => t.FileName, StringComparer.CurrentCulture)
            .ToList();
        var coders = settings
            .Users.Where(u => u.Roles.Contains(Roles.Coder) && (u.Studies.Count == 0 || u.Studies.Contains(study.Id)))
            .Select(u => u.Name)
            .Concat(study.SiteCoders.Values.SelectMany(c => c))
            .Concat(study.TranscriptCoders.Values.SelectMany(c => c))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.CurrentCulture)
            .ToList();
        var warnings = codable
            .Where(t => (first.Contains(t.Id) || named.Contains(t.Id)) && CodingRules.CodersOf(study, t).Count == 1)
            .Select(t =>
                $"{t.FileName} is double coded but has one coder assigned: assign two, or none to leave it open to every coder."
            )
            .ToList();
        return new CodingPlanView(
            coders,
            study
                .Sites.Select(s => new SiteCoders(s.Id, s.Name, study.SiteCoders.GetValueOrDefault(s.Id) ?? []))
                .ToList(),
            codable
                .Select(t => new TranscriptCoders(
                    t.Id,
                    t.FileName,
                    t.SiteId,
                    t.Status.ToString(),
                    study.TranscriptCoders.GetValueOrDefault(t.Id) ?? [],
                    named.Contains(t.Id),
                    first.Contains(t.Id)
                ))
                .ToList(),
            study.DoubleCodeFirst,
            warnings
        );
    }

    static Dictionary<string, List<string>> Clean(Dictionary<string, List<string>>? byKey) =>
        (byKey ?? [])
            .Select(p =>
                (p.Key, Coders: (p.Value ?? []).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList())
            )
            .Where(p => p.Coders.Count > 0)
            .ToDictionary(p => p.Key, p => p.Coders, StringComparer.Ordinal);
}
