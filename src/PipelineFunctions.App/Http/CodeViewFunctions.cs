using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

public sealed record CodedPassage(string TranscriptId, string SiteId, int Segment, string Speaker, string? Role, string Text, string Citation);
public sealed record CodePassages(CodeView Code, List<CodedPassage> Passages);

/// <summary>
/// All passages finally coded with a code, across a study's transcripts: the consensus where there is one, otherwise
/// the submitted single coding. Each comes with its speaker and a citation for quoting, e.g. <c>[#9, Kampala, PSW]</c>.
/// </summary>
public sealed partial class CodeViewFunctions(StudyStore studies, TranscriptStore transcripts, CodingStore codings, ReviewStore review)
{
    [Function("GetCodePassages"), Access(Roles.Coder, Roles.StudyLead), Audited("read-code-passages")]
    public async Task<IResult> PassagesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/codes/{codeId}/passages")] HttpRequest req,
        string studyId, string codeId, CancellationToken ct)
    {
        var (site, role, transcript) = (req.Query["site"].FirstOrDefault(), req.Query["role"].FirstOrDefault(), req.Query["transcript"].FirstOrDefault());
        var study = await studies.GetAsync(studyId, ct);
        var code = study?.Codebook?.Find(codeId);
        if (study is null || code is null) return Problems.NotFound($"There is no code '{codeId}' in study '{studyId}'.");
        var passages = new List<CodedPassage>();
        foreach (var t in (await transcripts.ListAsync(studyId, ct)).Where(t => t.Status == TranscriptStatus.SuggestionsReady && (site is null || t.SiteId == site)
                     && (transcript is null || t.Id == transcript)).OrderBy(t => t.ReceivedAt))
        {
            if (CodingRules.Final(await codings.ListAsync(t.Id, ct)) is not { } final) continue;
            var segments = (await review.SegmentsAsync(t.Id, ct)).ToDictionary(s => s.Segment);
            var siteName = study.Sites.FirstOrDefault(s => s.Id == t.SiteId)?.Name ?? t.SiteId;
            foreach (var c in final.Codings.Where(c => c.CodeId == codeId).DistinctBy(c => c.Segment).OrderBy(c => c.Segment))
            {
                if (!segments.TryGetValue(c.Segment, out var s)) continue;
                var speakerRole = RoleOf(s.Speaker);
                if (role is not null && !string.Equals(speakerRole, role, StringComparison.OrdinalIgnoreCase)) continue;
                var text = c.Start is { } start && c.End is { } end && end <= s.Text.Length && start < end ? s.Text[start..end] : s.Text;
                passages.Add(new CodedPassage(t.Id, t.SiteId, s.Segment, s.Speaker, speakerRole, text, Citation(s.Speaker, siteName, speakerRole)));
            }
        }
        return Results.Ok(new CodePassages(new CodeView(code.Id, code.Name, code.Parent, code.Definition), passages));
    }

    /// <summary>A role written with the speaker, as sites do: <c>#9 (PSW)</c> or <c>#9, Kampala, PSW</c>.</summary>
    static string? RoleOf(string speaker)
    {
        var m = Role().Match(speaker);
        return m.Success ? m.Groups["role"].Value : null;
    }

    static string Citation(string speaker, string site, string? role)
    {
        var id = IdPart().Match(speaker) is { Success: true } m ? m.Value.Trim() : speaker;
        return role is null ? $"[{id}, {site}]" : $"[{id}, {site}, {role}]";
    }

    [GeneratedRegex(@"(?:\((?<role>[A-Za-z]{2,10})\)|,\s*(?<role>[A-Z]{2,10})\s*)$")]
    private static partial Regex Role();

    [GeneratedRegex(@"^[^,(]+")]
    private static partial Regex IdPart();
}
