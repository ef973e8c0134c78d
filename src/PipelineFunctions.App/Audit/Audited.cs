using Microsoft.AspNetCore.Http.HttpResults;

namespace PipelineFunctions.App.Audit;

/// <summary>
/// Records who read or changed what on an endpoint: the action, the ids in the route (transcript, translation, code…),
/// the user and where from. Written once the endpoint has answered without error and before its answer goes out, so
/// nothing is handed over unrecorded. Ids only: never text.
/// </summary>
public sealed class Audited(string action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 } || !http.Request.RouteValues.TryGetValue("studyId", out var value) || value is not string studyId)
            return result;
        var ids = http.Request.RouteValues.Where(v => v.Key != "studyId" && v.Value is string).Select(v => $"{v.Key.Replace("Id", "")}:{v.Value}");
        var target = string.Join(' ', ids) is { Length: > 0 } named ? named : $"study:{studyId}";
        await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(http.User, http, studyId, action, target, http.RequestAborted);
        return result;
    }
}

public static class AuditedEndpoints
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action) => endpoint.AddEndpointFilter(new Audited(action));
}
