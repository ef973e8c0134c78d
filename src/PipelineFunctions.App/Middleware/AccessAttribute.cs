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
/// action, the route's ids, the user and where from. Ids only: never text.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
