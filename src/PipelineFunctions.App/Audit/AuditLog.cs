using System.Security.Claims;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Audit;

/// <summary>
/// Appends to the audit log. There is no update or delete here or in any endpoint: entries are only ever created.
/// Writing the entry comes before handing out what was read, so no read goes unrecorded.
/// </summary>
public sealed class AuditLog(CosmosContainers cosmos, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal user, HttpContext? http, string studyId, string action, string target, CancellationToken ct)
    {
        var entry = new AuditEntry
        {
            Id = Guid.NewGuid().ToString("n"),
            StudyId = studyId,
            At = clock.GetUtcNow(),
            User = user.Identity?.Name ?? "unknown",
            Roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            Action = action,
            Target = target,
            From = http?.Connection.RemoteIpAddress?.ToString(),
        };
        await cosmos.Audit.CreateItemAsync(entry, new PartitionKey(studyId), cancellationToken: ct);
    }

    public async Task<List<AuditEntry>> ListAsync(string studyId) =>
        (await cosmos.Audit.QueryPartitionAsync<AuditEntry>(studyId)).OrderBy(e => e.At).ToList();
}
