using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Search;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

public sealed record SearchHit(
    string TranscriptId,
    string FileName,
    string SiteId,
    string SiteName,
    string Language,
    int Segment,
    string Speaker,
    string? Role,
    string Text,
    int Score
);

public sealed record SearchAnswer(string Query, int Transcripts, int Total, List<SearchHit> Hits);

/// <summary>A saved search: the query, its filters and the passages it found when saved.</summary>
public sealed record SearchSetView(
    string Id,
    string Name,
    string Query,
    string? Site,
    string? Language,
    string? Role,
    List<PassageRef> Passages,
    string By,
    DateTimeOffset At
)
{
    /// <param name="names">Transcripts' file names by id, to tell the passages apart.</param>
    public static SearchSetView Of(SearchSet s, IReadOnlyDictionary<string, string>? names = null) =>
        new(
            s.Id,
            s.Name,
            s.Query,
            s.Site,
            s.Language,
            s.Role,
            [
                .. s.Passages.Select(p => new PassageRef(
                    p.TranscriptId,
                    p.Segment,
                    names?.GetValueOrDefault(p.TranscriptId)
                )),
            ],
            s.By,
            s.At
        );
}

public sealed record PassageRef(string TranscriptId, int Segment, string? FileName = null);

public sealed record SaveSetRequest(
    string Name,
    string Query,
    string? Site = null,
    string? Language = null,
    string? Role = null
);

/// <summary>
/// Search across a study's pseudonymised transcripts ready for coding — words and "phrases", by site, language and
/// speaker role — ranked in C# (the local Cosmos server has no ORDER BY or cross-partition query) over the study's
/// search index, one partition. A search can be saved as a set.
/// </summary>
public sealed class SearchFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    SearchPassages passages,
    TimeProvider clock
)
{
    const int MaxHits = 300;

    [Function("SearchTranscripts"), Access(Roles.Coder, Roles.StudyLead), Audited("search-transcripts")]
    public async Task<Results<Ok<SearchAnswer>, Problem<NoStudy>, Problem<Invalid>>> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/search")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var request = new SaveSetRequest(
            "",
            req.Query["q"].FirstOrDefault() ?? "",
            req.Query["site"].FirstOrDefault(),
            req.Query["language"].FirstOrDefault(),
            req.Query["role"].FirstOrDefault()
        );
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var query = new SearchQuery(request.Query);
        if (query.IsEmpty)
            return Problems.BadRequest("Type a word or a \"phrase\" to search for.");
        var (hits, searched) = await FindAsync(study, query, request, ct);
        return TypedResults.Ok(new SearchAnswer(request.Query, searched, hits.Count, hits.Take(MaxHits).ToList()));
    }

    [Function("ListSearchSets"), Access(Roles.Coder, Roles.StudyLead)]
    public async Task<Results<Ok<List<SearchSetView>>, Problem<NoStudy>>> SetsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/search/sets")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        if (await studies.GetAsync(studyId, ct) is not { } study)
            return Problems.NoStudy(studyId);
        var names =
            study.SearchSets.Count == 0
                ? new Dictionary<string, string>()
                : (await transcripts.ListAsync(studyId, ct)).ToDictionary(t => t.Id, t => t.FileName);
        return TypedResults.Ok(study.SearchSets.Select(s => SearchSetView.Of(s, names)).ToList());
    }

    [Function("SaveSearchSet"), Access(Roles.Coder, Roles.StudyLead), Audited("save-search-set")]
    public async Task<Results<Ok<Done>, Problem<Invalid>, Problem<NoStudy>>> SaveSetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/search/sets")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<SaveSetRequest>(ct);
        if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Length > 100)
            return Problems.BadRequest("Name the set (up to 100 characters).");
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var query = new SearchQuery(request.Query ?? "");
        if (query.IsEmpty)
            return Problems.BadRequest("Type a word or a \"phrase\" to search for.");
        var (hits, _) = await FindAsync(study, query, request, ct);
        var set = new SearchSet(
            Guid.NewGuid().ToString("n")[..12],
            request.Name.Trim(),
            request.Query!,
            request.Site,
            request.Language,
            request.Role,
            hits.Take(1000).Select(h => new SetPassage(h.TranscriptId, h.Segment)).ToList(),
            req.HttpContext.User.Name(),
            clock.GetUtcNow()
        );
        await studies.SetSearchSetsAsync(studyId, [.. study.SearchSets, set], ct);
        return TypedResults.Ok(new Done($"Saved the set '{set.Name}' with {set.Passages.Count} passage(s)."));
    }

    async Task<(List<SearchHit> Hits, int Searched)> FindAsync(
        StudyDocument study,
        SearchQuery query,
        SaveSetRequest filter,
        CancellationToken ct
    )
    {
        var ready = await passages.ReadyAsync(study.Id, filter.Site, filter.Language, ct);
        var hits = new List<SearchHit>();
        foreach (var (t, ofTranscript) in ready)
        {
            var siteName = study.Sites.FirstOrDefault(s => s.Id == t.SiteId)?.Name ?? t.SiteId;
            var roles = SpeakerRoles.Of(t, ofTranscript.Select(p => (p.Segment, p.Speaker)));
            foreach (var p in ofTranscript)
            {
                var role = roles.RoleOf(p.Speaker);
                if (!string.IsNullOrEmpty(filter.Role) && !SpeakerRoles.Matches(role, filter.Role))
                    continue;
                if (query.Score(p.Searchable) is > 0 and var score)
                    hits.Add(
                        new SearchHit(
                            t.Id,
                            t.FileName,
                            t.SiteId,
                            siteName,
                            t.Language,
                            p.Segment,
                            p.Speaker,
                            role,
                            p.Text,
                            score
                        )
                    );
            }
        }
        // Best first; ties in the order coders meet them (transcripts oldest first, passages in order): the sort is
        // stable.
        return (hits.OrderByDescending(h => h.Score).ToList(), ready.Count);
    }
}
