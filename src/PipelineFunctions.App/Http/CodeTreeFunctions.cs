using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

/// <param name="Other">Null while blind: the other coder's count shows only where both submitted.</param>
public sealed record CodeCount(string Id, string Name, string? Parent, int Mine, int? Other, int Consensus);
public sealed record CodeTreeView(List<CodeCount> Codes, List<SiteName> Sites);
public sealed record SiteName(string Id, string Name);

/// <summary>
/// The codebook's hierarchy with passages per code — the caller's, the other coder's (once both submitted), the final
/// coding's — for the study or one transcript, by site and speaker role. Counts are of each code alone; pages add a
/// parent's children, so the tree can be drawn either way.
/// </summary>
public sealed class CodeTreeFunctions(StudyStore studies, StudyCodings codings, ReviewStore review)
{
    [Function("GetCodeTree"), Access(Roles.Coder, Roles.StudyLead), Audited("read-code-counts")]
    public async Task<IResult> TreeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codes/tree")] HttpRequest req,
        string studyId, CancellationToken ct)
    {
        var (site, role, transcript) = (req.Query["site"].FirstOrDefault(), req.Query["role"].FirstOrDefault(), req.Query["transcript"].FirstOrDefault());
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null) return Problems.NotFound($"There is no study '{studyId}'.");
        var (mine, other, final) = (new Counter(), new Counter(), new Counter());
        var otherSeen = false;
        foreach (var v in await codings.ListAsync(studyId, req.HttpContext.User,
                     t => (string.IsNullOrEmpty(site) || t.SiteId == site) && (string.IsNullOrEmpty(transcript) || t.Id == transcript), ct))
        {
            Func<CodingEntry, bool> spoken = _ => true;
            if (!string.IsNullOrEmpty(role))
            {
                var roles = (await review.SegmentsAsync(v.Transcript.Id, ct)).ToDictionary(s => s.Segment, s => SpeakerCitation.RoleOf(s.Speaker));
                spoken = c => string.Equals(roles.GetValueOrDefault(c.Segment), role, StringComparison.OrdinalIgnoreCase);
            }
            mine.Add(v.Mine, spoken);
            final.Add(v.Final, spoken);
            if (v.Other is not null) otherSeen = true;
            other.Add(v.Other, spoken);
        }
        return Results.Ok(new CodeTreeView(
            study.Codebook.Codes.Select(c => new CodeCount(c.Id, c.Name, c.Parent, mine[c.Id], otherSeen ? other[c.Id] : null, final[c.Id])).ToList(),
            study.Sites.Select(s => new SiteName(s.Id, s.Name)).ToList()));
    }

    /// <summary>Passages per code: a code on two spans of one passage counts once.</summary>
    sealed class Counter
    {
        readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int this[string code] => _counts.GetValueOrDefault(code);

        public void Add(CoderWorkDocument? work, Func<CodingEntry, bool> include)
        {
            foreach (var c in work?.Codings.Where(include).DistinctBy(c => (c.Segment, c.CodeId)) ?? [])
                _counts[c.CodeId] = this[c.CodeId] + 1;
        }
    }
}
