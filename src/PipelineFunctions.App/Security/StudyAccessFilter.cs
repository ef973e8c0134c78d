namespace PipelineFunctions.App.Security;

/// <summary>
/// A user listed for particular studies (setting <c>Studies</c>) reaches only those studies' endpoints; a user listed
/// for none works across the deployment's studies, as a local single-study set-up expects.
/// </summary>
public sealed class StudyAccessFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("studyId", out var value) && value is string studyId && !http.User.MayReachStudy(studyId))
            return ValueTask.FromResult<object?>(Results.Json(new { message = $"You are not part of study '{studyId}'." }, statusCode: 403));
        return next(context);
    }
}
