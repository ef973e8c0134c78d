using System.Text.Json;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Apis;

/// <summary>Pipeline status for admins: metadata only (counts, stages, reasons, ids), never transcript text.</summary>
public static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/status", StatusAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));

    static async Task<IResult> StatusAsync(StudyStore studies, TranscriptStore transcripts, PipelineQueues queues, TimeProvider clock, CancellationToken ct)
    {
        var all = new List<TranscriptDocument>();
        foreach (var study in await studies.ListAsync(ct))
            all.AddRange(await transcripts.ListAsync(study.Id, ct));

        var poison = new List<object>();
        foreach (var name in PipelineQueues.Names)
        {
            var peeked = await queues.Get(PipelineQueues.PoisonOf(name)).PeekMessagesAsync(32, ct);
            poison.Add(new
            {
                queue = PipelineQueues.PoisonOf(name),
                messages = peeked.Value.Select(m => new { id = m.MessageId, insertedOn = m.InsertedOn, transcriptId = TranscriptIdOf(m.Body.ToString()) }),
            });
        }

        return Results.Ok(new
        {
            generatedAt = clock.GetUtcNow(),
            totals = Enum.GetValues<TranscriptStatus>().ToDictionary(s => s.ToString(), s => all.Count(t => t.Status == s)),
            sites = all.GroupBy(t => (t.StudyId, t.SiteId)).OrderBy(g => g.Key.StudyId).ThenBy(g => g.Key.SiteId).Select(g => new
            {
                studyId = g.Key.StudyId,
                siteId = g.Key.SiteId,
                counts = g.GroupBy(t => t.Status.ToString()).ToDictionary(s => s.Key, s => s.Count()),
            }),
            failures = all.Where(t => t.Status is TranscriptStatus.Rejected or TranscriptStatus.Failed).OrderByDescending(t => t.UpdatedAt).Select(t => new
            {
                studyId = t.StudyId, siteId = t.SiteId, transcriptId = t.Id, status = t.Status.ToString(), reason = t.Reason, updatedAt = t.UpdatedAt,
            }),
            poison,
        });
    }

    /// <summary>A stage message names its transcript; anything else (an event, a garbled message) is shown by id only.</summary>
    static string? TranscriptIdOf(string body)
    {
        try { return JsonSerializer.Deserialize<TranscriptMessage>(body, JsonSerializerOptions.Web)?.TranscriptId; }
        catch (JsonException) { return null; }
    }
}
