using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// Errors as RFC 7807 problem details: <c>detail</c> is the plain-language sentence a person reads (ids only, never
/// transcript text or an exception's message), <c>title</c> the status in words, and <c>type</c> a URI per kind of
/// problem (<see cref="Types"/>), so a page tells a wrong role from a study it is not part of without reading English.
/// </summary>
public static class Problems
{
    /// <summary>One URI per kind of problem; a status without a kind of its own names its status.</summary>
    public static class Types
    {
        const string Prefix = "urn:transcript-pipeline:problem:";
        public const string SignIn = Prefix + "sign-in";
        public const string WrongRole = Prefix + "wrong-role";
        public const string NotInStudy = Prefix + "not-in-study";
        public const string NoRoles = Prefix + "no-roles";
        public const string NoStudy = Prefix + "no-study";
        public const string Stale = Prefix + "stale";

        public static string For(int status) => status switch
        {
            400 => Prefix + "bad-request",
            401 => SignIn,
            403 => Prefix + "forbidden",
            404 => Prefix + "not-found",
            409 => Prefix + "conflict",
            412 => Stale,
            413 => Prefix + "too-large",
            415 => Prefix + "unsupported-format",
            422 => Prefix + "unreadable",
            _ => Prefix + "status-" + status,
        };
    }

    public static ProblemHttpResult Status(int status, string detail, IDictionary<string, object?>? extensions = null, string? type = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status), type: type ?? Types.For(status), extensions: extensions);

    public static ProblemHttpResult BadRequest(string detail) => Status(400, detail);
    public static ProblemHttpResult Forbidden(string detail) => Status(403, detail);
    public static ProblemHttpResult WrongRole(IReadOnlyList<string> roles) =>
        Status(403, $"Your role cannot use this; it needs {string.Join(" or ", roles)}.", new Dictionary<string, object?> { ["roles"] = roles }, Types.WrongRole);
    public static ProblemHttpResult NotInStudy(string studyId) => Status(403, $"You are not part of study '{studyId}'.", type: Types.NotInStudy);
    public static ProblemHttpResult NoRoles() => Status(403, "This endpoint names no roles, so nobody may use it.", type: Types.NoRoles);
    public static ProblemHttpResult NotFound(string detail) => Status(404, detail);
    public static ProblemHttpResult NoStudy(string studyId) => Status(404, $"There is no study '{studyId}'.", type: Types.NoStudy);
    public static ProblemHttpResult Conflict(string detail) => Status(409, detail);
    public static ProblemHttpResult PreconditionFailed(string detail) => Status(412, detail);
}
