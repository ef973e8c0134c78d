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
    public async Task RecordAsync(
        ClaimsPrincipal user,
        HttpContext? http,
        string studyId,
        string action,
        string target,
        CancellationToken ct
    )
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

    public async Task<List<AuditEntry>> ListAsync(string studyId, CancellationToken ct) =>
        (await cosmos.Audit.QueryPartitionAsync<AuditEntry>(studyId, ct)).OrderBy(e => e.At).ToList();

    /// <summary>
    /// RFC 4180 CSV, oldest first: at (UTC, ISO 8601), user, roles (<c>;</c>-separated), action, target, from. A field
    /// that a spreadsheet would run as a formula (<c>= + - @</c>, tab, CR) is prefixed with <c>'</c>.
    /// </summary>
    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        var csv = new System.Text.StringBuilder("at,user,roles,action,target,from\r\n");
        foreach (var e in entries)
            csv.AppendJoin(
                    ',',
                    new[]
                    {
                        e.At.UtcDateTime.ToString("O"),
                        e.User,
                        string.Join(';', e.Roles),
                        e.Action,
                        e.Target,
                        e.From ?? "",
                    }.Select(Field)
                )
                .Append("\r\n");
        return csv.ToString();
    }

    static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
