using Microsoft.AspNetCore.WebUtilities;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// Errors as RFC 7807 problem details: <c>detail</c> is the plain-language sentence a person reads (ids only, never
/// transcript text or an exception's message), <c>title</c> the status in words.
/// </summary>
public static class Problems
{
    public static IResult Status(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status), extensions: extensions);

    public static IResult BadRequest(string detail) => Status(400, detail);
    public static IResult Forbidden(string detail) => Status(403, detail);
    public static IResult NotFound(string detail) => Status(404, detail);
    public static IResult NoStudy(string studyId) => NotFound($"There is no study '{studyId}'.");
    public static IResult Conflict(string detail) => Status(409, detail);
    public static IResult PreconditionFailed(string detail) => Status(412, detail);
}
