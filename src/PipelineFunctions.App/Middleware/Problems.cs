using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// Errors as RFC 7807 problem details: <c>detail</c> is the plain-language sentence a person reads (ids only, never
/// transcript text or an exception's message), <c>title</c> the status in words, and <c>type</c> a URI per kind of
/// problem (<see cref="Types"/>), so a page tells a wrong role from a study it is not part of without reading English.
/// Each kind is a type (<see cref="Problem{TKind}"/>), so a function's signature names the problems it answers.
/// </summary>
public static class Problems
{
    /// <summary>One URI per kind of problem; the pages match on these, never on the sentence.</summary>
    public static class Types
    {
        const string Prefix = "urn:transcript-pipeline:problem:";
        public const string BadRequest = Prefix + "bad-request";
        public const string SignIn = Prefix + "sign-in";
        public const string Forbidden = Prefix + "forbidden";
        public const string WrongRole = Prefix + "wrong-role";
        public const string NotInStudy = Prefix + "not-in-study";
        public const string NoRoles = Prefix + "no-roles";
        public const string NotFound = Prefix + "not-found";
        public const string NoStudy = Prefix + "no-study";
        public const string Conflict = Prefix + "conflict";
        public const string Duplicate = Prefix + "duplicate";
        public const string Stale = Prefix + "stale";
        public const string TooLarge = Prefix + "too-large";
        public const string UnsupportedFormat = Prefix + "unsupported-format";
        public const string Unreadable = Prefix + "unreadable";
        public const string Failed = Prefix + "failed";
    }

    public static Problem<Invalid> BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        new(detail, extensions);

    public static Problem<NotSignedIn> SignIn(string detail) => new(detail);

    public static Problem<Refused> Forbidden(string detail) => new(detail);

    public static Problem<WrongRole> WrongRole(IReadOnlyList<string> roles) =>
        new(
            $"Your role cannot use this; it needs {string.Join(" or ", roles)}.",
            new Dictionary<string, object?> { ["roles"] = roles }
        );

    public static Problem<NotInStudy> NotInStudy(string studyId, string? detail = null) =>
        new(detail ?? $"You are not part of study '{studyId}'.");

    public static Problem<NoRoles> NoRoles() => new("This endpoint names no roles, so nobody may use it.");

    public static Problem<Missing> NotFound(string detail) => new(detail);

    public static Problem<NoStudy> NoStudy(string studyId) => new($"There is no study '{studyId}'.");

    public static Problem<WrongState> Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        new(detail, extensions);

    public static Problem<Duplicate> Duplicate(string detail, IDictionary<string, object?>? extensions = null) =>
        new(detail, extensions);

    public static Problem<Stale> PreconditionFailed(string detail) => new(detail);

    public static Problem<TooLarge> TooLarge(string detail, IDictionary<string, object?>? extensions = null) =>
        new(detail, extensions);

    public static Problem<UnsupportedFormat> UnsupportedFormat(
        string detail,
        IDictionary<string, object?>? extensions = null
    ) => new(detail, extensions);

    public static Problem<Unreadable> Unreadable(string detail, IDictionary<string, object?>? extensions = null) =>
        new(detail, extensions);

    public static Problem<Failed> Failed(string detail) => new(detail);

    /// <summary>The problem a result carries, if it is one (a function's union unwrapped).</summary>
    public static ProblemDetails? Of(object? result) =>
        HttpFunction.Unwrap(result) is IProblem problem ? problem.Details : null;
}

/// <summary>What every <see cref="Problem{TKind}"/> is, whatever its kind.</summary>
public interface IProblem
{
    ProblemDetails Details { get; }
}

/// <summary>A kind of problem: the status it answers with and its <c>type</c>.</summary>
public interface IProblemKind
{
    static abstract int Status { get; }
    static abstract string Type { get; }
}

/// <summary>A problem of one kind, written as <c>application/problem+json</c>.</summary>
public sealed class Problem<TKind>
    : IResult,
        IStatusCodeHttpResult,
        IValueHttpResult,
        IValueHttpResult<ProblemDetails>,
        IProblem
    where TKind : IProblemKind
{
    public Problem(string detail, IDictionary<string, object?>? extensions = null)
    {
        Details = new ProblemDetails
        {
            Type = TKind.Type,
            Status = TKind.Status,
            Title = ReasonPhrases.GetReasonPhrase(TKind.Status),
            Detail = detail,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
            Details.Extensions[key] = value;
    }

    public ProblemDetails Details { get; }
    public int? StatusCode => TKind.Status;
    public ProblemDetails Value => Details;
    object IValueHttpResult.Value => Details;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Details).ExecuteAsync(httpContext);
}

public sealed class Invalid : IProblemKind
{
    public static int Status => 400;
    public static string Type => Problems.Types.BadRequest;
}

public sealed class NotSignedIn : IProblemKind
{
    public static int Status => 401;
    public static string Type => Problems.Types.SignIn;
}

/// <summary>Refused for something other than the role or the study (another site's upload, no site in the
/// study).</summary>
public sealed class Refused : IProblemKind
{
    public static int Status => 403;
    public static string Type => Problems.Types.Forbidden;
}

public sealed class WrongRole : IProblemKind
{
    public static int Status => 403;
    public static string Type => Problems.Types.WrongRole;
}

public sealed class NotInStudy : IProblemKind
{
    public static int Status => 403;
    public static string Type => Problems.Types.NotInStudy;
}

public sealed class NoRoles : IProblemKind
{
    public static int Status => 403;
    public static string Type => Problems.Types.NoRoles;
}

public sealed class Missing : IProblemKind
{
    public static int Status => 404;
    public static string Type => Problems.Types.NotFound;
}

public sealed class NoStudy : IProblemKind
{
    public static int Status => 404;
    public static string Type => Problems.Types.NoStudy;
}

/// <summary>The resource is not in a state that allows this (not pseudonymised yet, decided already, …).</summary>
public sealed class WrongState : IProblemKind
{
    public static int Status => 409;
    public static string Type => Problems.Types.Conflict;
}

/// <summary>The same thing exists already (a file uploaded before, a study id taken).</summary>
public sealed class Duplicate : IProblemKind
{
    public static int Status => 409;
    public static string Type => Problems.Types.Duplicate;
}

/// <summary>Changed elsewhere since it was read: reload and try again.</summary>
public sealed class Stale : IProblemKind
{
    public static int Status => 412;
    public static string Type => Problems.Types.Stale;
}

public sealed class TooLarge : IProblemKind
{
    public static int Status => 413;
    public static string Type => Problems.Types.TooLarge;
}

public sealed class UnsupportedFormat : IProblemKind
{
    public static int Status => 415;
    public static string Type => Problems.Types.UnsupportedFormat;
}

/// <summary>A file of a known format that cannot be read.</summary>
public sealed class Unreadable : IProblemKind
{
    public static int Status => 422;
    public static string Type => Problems.Types.Unreadable;
}

public sealed class Failed : IProblemKind
{
    public static int Status => 500;
    public static string Type => Problems.Types.Failed;
}
