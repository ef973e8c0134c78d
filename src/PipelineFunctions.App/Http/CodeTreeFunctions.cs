using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

/// <param name="Other">Null while blind: the other coder's count shows only where both submitted.</param>
/// <param name="Engine">How far the suggestion engine agrees with the coders on this code (leaves only).</param>
public sealed record CodeCount(
    string Id,
    string Name,
    string? Parent,
    int Mine,
    int? Other,
    int Consensus,
    EngineAgreementView? Engine = null,
    string? Colour = null
);

/// <param name="Level">"reliable", "learning" or "guessing" (a guessing code is no longer suggested).</param>
public sealed record EngineAgreementView(
    string Level,
    double Kappa,
    double? Precision,
    double? Recall,
    int Passages,
    string Summary
)
{
    public static EngineAgreementView Of(Core.Suggestions.Reliability.CodeReliability r) =>
        new(
            r.Level.ToString().ToLowerInvariant(),
            Math.Round(r.Kappa, 2),
            r.Precision is { } p ? Math.Round(p, 2) : null,
            r.Recall is { } q ? Math.Round(q, 2) : null,
            r.Passages,
            r.Summary
        );
}

public sealed record CodeTreeView(List<CodeCount> Codes, List<SiteName> Sites);

public sealed record SiteName(string Id, string Name);

/// <summary>
/// The codebook's hierarchy with passages per code — the caller's, the other coder's (once both submitted), the final
/// coding's — for the study or one transcript, by site and speaker role; a parent counts its children's passages. Each
/// leaf also says how far the suggestion engine agrees with the coders on it, study-wide
/// (<see cref="EngineReliability"/>).
/// </summary>
public sealed class CodeTreeFunctions(
    StudyStore studies,
    StudyCodings codings,
    ReviewStore review,
    EngineReliability reliability
)
{
    [Function("GetCodeTree"), Access(Roles.Coder, Roles.StudyLead), Audited("read-code-counts")]
    public async Task<Results<Ok<CodeTreeView>, Problem<NoStudy>>> TreeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codes/tree")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var (site, role, transcript) = (
            req.Query["site"].FirstOrDefault(),
            req.Query["role"].FirstOrDefault(),
            req.Query["transcript"].FirstOrDefault()
        );
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var (mine, other, final) = (
            new Counter(study.Codebook),
            new Counter(study.Codebook),
            new Counter(study.Codebook)
        );
        var otherSeen = false;
        foreach (
            var v in await codings.ListAsync(
                studyId,
                req.HttpContext.User,
                t =>
                    (string.IsNullOrEmpty(site) || t.SiteId == site)
                    && (string.IsNullOrEmpty(transcript) || t.Id == transcript),
                ct
            )
        )
        {
            Func<CodingEntry, bool> spoken = _ => true;
            if (!string.IsNullOrEmpty(role))
            {
                var turns = await review.SegmentsAsync(v.Transcript.Id, ct);
                var of = SpeakerRoles.Of(v.Transcript, turns);
                var roles = turns.ToDictionary(s => s.Segment, s => of.RoleOf(s.Speaker));
                spoken = c => SpeakerRoles.Matches(roles.GetValueOrDefault(c.Segment), role);
            }
            mine.Add(v.Transcript.Id, v.Mine, spoken);
            final.Add(v.Transcript.Id, v.Final, spoken);
            if (v.Other is not null)
                otherSeen = true;
            other.Add(v.Transcript.Id, v.Other, spoken);
        }
        var engine = await reliability.ForStudyAsync(study, ct);
        return TypedResults.Ok(
            new CodeTreeView(
                study
                    .Codebook.Codes.Select(c => new CodeCount(
                        c.Id,
                        c.Name,
                        c.Parent,
                        mine[c.Id],
                        otherSeen ? other[c.Id] : null,
                        final[c.Id],
                        engine.TryGetValue(c.Id, out var r) ? EngineAgreementView.Of(r) : null,
                        c.Colour
                    ))
                    .ToList(),
                study.Sites.Select(s => new SiteName(s.Id, s.Name)).ToList()
            )
        );
    }

    /// <summary>Distinct passages per code, a parent counting its children's (a passage under two children counts
    /// once).</summary>
    sealed class Counter(Core.Codebooks.Codebook codebook)
    {
        readonly Dictionary<string, HashSet<(string, int)>> _passages = new(StringComparer.Ordinal);

        public int this[string code] => _passages.GetValueOrDefault(code)?.Count ?? 0;

        public void Add(string transcriptId, CoderWorkDocument? work, Func<CodingEntry, bool> include)
        {
            foreach (var c in work?.Codings.Where(include) ?? [])
            foreach (var code in CodeFamily.Ancestry(codebook, c.CodeId))
            {
                if (!_passages.TryGetValue(code, out var set))
                    _passages[code] = set = [];
                set.Add((transcriptId, c.Segment));
            }
        }
    }
}
