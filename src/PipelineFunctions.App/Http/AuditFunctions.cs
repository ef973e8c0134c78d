using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Http;

/// <summary>One line of the audit log as the API gives it: ids and actions, never text.</summary>
public sealed record AuditLine(
    string Id,
    string StudyId,
    DateTimeOffset At,
    string User,
    List<string> Roles,
    string Action,
    string Target,
    string? From
)
{
    public static AuditLine Of(AuditEntry e) => new(e.Id, e.StudyId, e.At, e.User, e.Roles, e.Action, e.Target, e.From);
}

/// <summary>A study's audit log for admins and the custodian.</summary>
public sealed class AuditFunctions(AuditLog audit)
{
    /// <summary>
    /// The audit log as JSON, or <c>?format=csv</c> for a spreadsheet (the read itself is audited, before the answer
    /// goes out).
    /// </summary>
    [Function("GetAuditLog"), Access(Roles.Custodian, Roles.Admin), Audited("read-audit")]
    public async Task<Results<Ok<List<AuditLine>>, FileContentHttpResult, Problem<Invalid>>> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/audit")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var format = req.Query["format"].FirstOrDefault();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("format is json or csv.");
        if (csv)
            AuditDetail.Set(req.HttpContext, action: "export-audit");
        var entries = await audit.ListAsync(studyId, ct);
        return csv
            ? TypedResults.File(
                Encoding.UTF8.GetBytes(AuditLog.ToCsv(entries)),
                "text/csv; charset=utf-8",
                $"audit-{studyId}.csv"
            )
            : TypedResults.Ok(entries.Select(AuditLine.Of).ToList());
    }
}
