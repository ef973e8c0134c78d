using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Suggestions.Induction;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Http;

public sealed record CandidateQuote(string Text, string Citation, string Site, string TranscriptId, int Segment);

public sealed record CandidateSiteCount(string Site, int Passages);

/// <param name="Draft">The code proposal the lead may send for it, to edit first.</param>
public sealed record CandidateView(
    string Label,
    IReadOnlyList<string> Keywords,
    int Passages,
    List<CandidateSiteCount> BySite,
    List<CandidateQuote> Quotes,
    CandidateDraft Draft
);

/// <param name="Considered">Participant passages read: at most <paramref name="Limit"/>, latest first.</param>
public sealed record CandidatesView(List<CandidateView> Candidates, int Considered, int Limit);

/// <summary>
/// What the codebook misses: the participant passages (pseudonymised) of the study's transcripts ready for coding that
/// no code fits, grouped into candidate new codes (<see cref="CodeProposals"/>), for the study lead to propose.
/// </summary>
public sealed class CandidateCodeFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    ReviewStore review,
    CodeProposals proposals
)
{
    // Clustering is quadratic in passages and more: a bound keeps the codes page answering on a large study.
    const int Limit = 400;

    [Function("ListCandidateCodes"), Access(Roles.StudyLead), Audited("read-candidate-codes")]
    public async Task<Results<Ok<CandidatesView>, Problem<NoStudy>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codebook/candidates")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var sites = study.Sites.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var ready = CodingRules.Ready(await transcripts.ListAsync(studyId, ct));
        ready.Reverse();
        var reads = ready.Select(async t => (Transcript: t, Segments: await review.SegmentsAsync(t.Id, ct))).ToList();
        var passages = (await Task.WhenAll(reads))
            .SelectMany(r => r.Segments.Where(s => !InterviewerSide.Includes(s.Speaker)).Select(s => (r.Transcript, s)))
            .Take(Limit)
            .ToDictionary(p => $"{p.Transcript.Id}:{p.s.Segment}", StringComparer.Ordinal);
        string SiteOf(string id) =>
            sites.GetValueOrDefault(passages[id].Transcript.SiteId, passages[id].Transcript.SiteId);
        var texts = passages.ToDictionary(p => p.Key, p => p.Value.s.Text, StringComparer.Ordinal);
        var candidates = proposals
            .Propose(study.Codebook, texts.Select(p => new CandidatePassage(p.Key, p.Value)).ToList())
            .Select(c => new CandidateView(
                c.Label,
                c.Keywords,
                c.Passages.Count,
                c.Passages.GroupBy(SiteOf)
                    .Select(g => new CandidateSiteCount(g.Key, g.Count()))
                    .OrderByDescending(g => g.Passages)
                    .ThenBy(g => g.Site, StringComparer.Ordinal)
                    .ToList(),
                c.Quotes.Select(id => passages[id])
                    .Select(p => new CandidateQuote(
                        p.s.Text,
                        SpeakerCitation.Of(
                            p.s.Speaker,
                            SiteOf($"{p.Transcript.Id}:{p.s.Segment}"),
                            SpeakerCitation.RoleOf(p.s.Speaker)
                        ),
                        SiteOf($"{p.Transcript.Id}:{p.s.Segment}"),
                        p.Transcript.Id,
                        p.s.Segment
                    ))
                    .ToList(),
                CandidateDraft.Of(c, texts)
            ))
            .ToList();
        return TypedResults.Ok(new CandidatesView(candidates, passages.Count, Limit));
    }
}
