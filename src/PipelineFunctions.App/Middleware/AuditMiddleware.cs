using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PipelineFunctions.App.Audit;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// The audit entry a function declares with <see cref="AuditedAttribute"/>: once it has answered without error, and
/// before its answer goes out, the action, the route's ids (or what the function named with <see cref="AuditDetail"/>),
/// the user and where from. Ids only: never text.
/// </summary>
public sealed class AuditMiddleware(AuditLog audit) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await next(context);
        if (
            context.GetHttpContext() is not { } http
            || HttpFunction.Of(context) is not { Policy.Audit: { } action, StudyId: { } studyId } function
            || HttpFunction.StatusOf(context.GetInvocationResult().Value) >= 400
        )
            return;
        var detail = AuditDetail.Of(http);
        await audit.RecordAsync(
            http.User,
            http,
            studyId,
            detail?.Action ?? action,
            detail?.Target ?? function.Target,
            http.RequestAborted
        );
    }
}

/// <summary>
/// What an audited function adds to its entry when the route alone does not say it: the kind of an action (a CSV
/// export, a correction's kind) and a target with counts or a version. Ids and counts only.
/// </summary>
public sealed record AuditDetail(string? Action, string? Target)
{
    const string Key = nameof(AuditDetail);

    public static void Set(HttpContext http, string? action = null, string? target = null) =>
        http.Items[Key] = new AuditDetail(action, target);

    public static AuditDetail? Of(HttpContext http) =>
        http.Items.TryGetValue(Key, out var detail) ? (AuditDetail?)detail : null;
}
