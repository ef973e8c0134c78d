using PipelineFunctions.App.Audit;
using System.Text.RegularExpressions;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Apis;

/// <summary>
/// All passages finally coded with a code, across a study's transcripts: the consensus where there is one, otherwise
/// the submitted single coding. Each comes with its speaker and a citation for quoting, e.g. <c>[#9, Kampala, PSW]</c>.
/// </summary>
public static partial class CodeViewApi
{
    public static void MapCodeViewApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/studies/{studyId}/codes/{codeId}/passages", PassagesAsync).Audited("read-code-passages").RequireAuthorization(p => p.RequireRole(Roles.Coder, Roles.StudyLead)).AddEndpointFilter<StudyAccessFilter>();

    static async Task<IResult> PassagesAsync(string studyId, string codeId, string? site, string? role, string? transcript, StudyStore studies,
        TranscriptStore transcripts, CodingStore codings, ReviewStore review, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        var code = study?.Codebook?.Find(codeId);
        if (study is null || code is null) return Results.NotFound(new { message = $"There is no code '{codeId}' in study '{studyId}'." });
        var passages = new List<object>();
        foreach (var t in (await transcripts.ListAsync(studyId, ct)).Where(t => t.Status == TranscriptStatus.SuggestionsReady && (site is null || t.SiteId == site)
                     && (transcript is null || t.Id == transcript)).OrderBy(t => t.ReceivedAt))
        {
            var works = await codings.ListAsync(t.Id);
            var final = works.FirstOrDefault(w => w.Coder == ReviewApi.FinalCoder) ?? (works.Count(w => w.Submitted) == 1 ? works.Single(w => w.Submitted) : null);
            if (final is null) continue;
            var segments = (await review.SegmentsAsync(t.Id, ct)).ToDictionary(s => s.Segment);
            var siteName = study.Sites.FirstOrDefault(s => s.Id == t.SiteId)?.Name ?? t.SiteId;
            foreach (var c in final.Codings.Where(c => c.CodeId == codeId).DistinctBy(c => c.Segment).OrderBy(c => c.Segment))
            {
                if (!segments.TryGetValue(c.Segment, out var s)) continue;
                var speakerRole = RoleOf(s.Speaker);
                if (role is not null && !string.Equals(speakerRole, role, StringComparison.OrdinalIgnoreCase)) continue;
                var text = c.Start is { } start && c.End is { } end && end <= s.Text.Length && start < end ? s.Text[start..end] : s.Text;
                passages.Add(new { transcriptId = t.Id, siteId = t.SiteId, segment = s.Segment, speaker = s.Speaker, role = speakerRole, text,
                    citation = Citation(s.Speaker, siteName, speakerRole) });
            }
        }
        return Results.Ok(new { code = new { id = code.Id, name = code.Name, definition = code.Definition }, passages });
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
