using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Http;

/// <summary>A study's audit log for admins and the custodian.</summary>
public sealed class AuditFunctions(AuditLog audit)
{
    /// <summary>The audit log as JSON, or <c>?format=csv</c> for a spreadsheet (the read itself is audited, before the answer goes out).</summary>
    [Function("GetAuditLog"), Access(Roles.Custodian, Roles.Admin), Audited("read-audit")]
    public async Task<IResult> AuditAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/audit")] HttpRequest req,
        string studyId, CancellationToken ct)
    {
        var format = req.Query["format"].FirstOrDefault();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("format is json or csv.");
        if (csv) AuditDetail.Set(req.HttpContext, action: "export-audit");
        var entries = await audit.ListAsync(studyId, ct);
        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(AuditLog.ToCsv(entries)), "text/csv; charset=utf-8", $"audit-{studyId}.csv")
            : Results.Ok(entries);
    }
}
