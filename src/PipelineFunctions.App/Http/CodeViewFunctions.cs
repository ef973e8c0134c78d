using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

/// <param name="Source">
/// <c>final</c> (the consensus or the one submitted coding) or <c>mine</c> (the caller's own, not final yet).
/// </param>
public sealed record CodedPassage(
    string TranscriptId,
    string FileName,
    string SiteId,
    string SiteName,
    int Segment,
    string Speaker,
    string? Role,
    string Text,
    string Citation,
    string CodeId,
    string Source
);

public sealed record CodePassages(CodeView Code, List<CodedPassage> Passages);

/// <summary>
/// All passages coded with a code or a code under it, across a study's transcripts: the final coding (the consensus, or
/// the one submitted coding) and the caller's own coding where nothing is final yet. Each comes with its speaker and a
/// citation for quoting, e.g. <c>[#9, Kampala, PSW]</c>.
/// </summary>
public sealed class CodeViewFunctions(StudyStore studies, StudyCodings codings, ReviewStore review)
{
    [Function("GetCodePassages"), Access(Roles.Coder, Roles.StudyLead), Audited("read-code-passages")]
    public async Task<Results<Ok<CodePassages>, Problem<Missing>>> PassagesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codes/{codeId}/passages")]
            HttpRequest req,
        string studyId,
        string codeId,
        CancellationToken ct
    )
    {
        var (site, role, transcript) = (
            req.Query["site"].FirstOrDefault(),
            req.Query["role"].FirstOrDefault(),
            req.Query["transcript"].FirstOrDefault()
        );
        var study = await studies.GetAsync(studyId, ct);
        var code = study?.Codebook?.Find(codeId);
        if (study?.Codebook is null || code is null)
            return Problems.NotFound($"There is no code '{codeId}' in study '{studyId}'.");
        var family = CodeFamily.Of(study.Codebook, codeId);
        var passages = new List<CodedPassage>();
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
            var (work, source) =
                v.Final is { } f ? (f, "final")
                : v.Mine is { } m ? (m, "mine")
                : (null, "");
            if (work is null)
                continue;
            var coded = work
                .Codings.Where(c => family.Contains(c.CodeId))
                .DistinctBy(c => c.Segment)
                .OrderBy(c => c.Segment)
                .ToList();
            if (coded.Count == 0)
                continue;
            var turns = await review.SegmentsAsync(v.Transcript.Id, ct);
            var (segments, roles) = (turns.ToDictionary(s => s.Segment), SpeakerRoles.Of(v.Transcript, turns));
            var siteName = study.Sites.FirstOrDefault(s => s.Id == v.Transcript.SiteId)?.Name ?? v.Transcript.SiteId;
            foreach (var c in coded)
            {
                if (!segments.TryGetValue(c.Segment, out var s))
                    continue;
                var speakerRole = roles.RoleOf(s.Speaker);
                if (!string.IsNullOrEmpty(role) && !SpeakerRoles.Matches(speakerRole, role))
                    continue;
                var text = ThemesReportInput.Words(c, s.Text);
                passages.Add(
                    new CodedPassage(
                        v.Transcript.Id,
                        v.Transcript.FileName,
                        v.Transcript.SiteId,
                        siteName,
                        s.Segment,
                        s.Speaker,
                        speakerRole,
                        text,
                        SpeakerCitation.Of(s.Speaker, siteName, speakerRole),
                        c.CodeId,
                        source
                    )
                );
            }
        }
        return TypedResults.Ok(
            new CodePassages(new CodeView(code.Id, code.Name, code.Parent, code.Definition), passages)
        );
    }
}
