namespace PipelineFunctions.App.Middleware;

/// <summary>
/// Who may call an HTTP function: a signed-in user in one of these roles (none named: any signed-in user). The
/// access middleware enforces it together with study scope; a function that names neither this nor
/// <see cref="AnonymousAttribute"/> is refused to everyone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Open to anyone: the static pages, which hold no data and ask the API for everything.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousAttribute : Attribute;

/// <summary>
/// Records who read or changed what: once the function has answered without error and before its answer goes out, the
/// action, the route's ids, the user and where from; a refused attempt as <c>refused:action</c>. Ids only: never text.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}

/// <summary>
/// The transcript in the route is reached by site: a site researcher sees only their own sites' transcripts, the
/// study-wide roles all of the study's. The authorisation step reads the transcript and answers 404 otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SiteScopedAttribute : Attribute;
