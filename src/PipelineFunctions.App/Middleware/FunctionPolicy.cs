using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace PipelineFunctions.App.Middleware;

/// <summary>What the attributes on one HTTP function ask for, and the names of its route's parameters.</summary>
public sealed partial record FunctionPolicy(
    string Name,
    string Route,
    bool Anonymous,
    IReadOnlyList<string>? Roles,
    string? Audit,
    IReadOnlyList<string> RouteParameters,
    bool SiteScoped = false
)
{
    /// <summary>Every HTTP function of this app by name, read once from its attributes.</summary>
    public static IReadOnlyDictionary<string, FunctionPolicy> All { get; } = Read(typeof(FunctionPolicy).Assembly);

    public static IReadOnlyDictionary<string, FunctionPolicy> Read(Assembly assembly) =>
        assembly
            .GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m =>
                (
                    Method: m,
                    Function: m.GetCustomAttribute<FunctionAttribute>(),
                    Trigger: m.GetParameters()
                        .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                        .FirstOrDefault(a => a is not null)
                )
            )
            .Where(x => x.Function is not null && x.Trigger is not null)
            .ToDictionary(
                x => x.Function!.Name,
                x => new FunctionPolicy(
                    x.Function!.Name,
                    x.Trigger!.Route ?? "",
                    x.Method.GetCustomAttribute<AnonymousAttribute>() is not null,
                    x.Method.GetCustomAttribute<AccessAttribute>()?.Roles,
                    x.Method.GetCustomAttribute<AuditedAttribute>()?.Action,
                    [.. RouteParameter().Matches(x.Trigger!.Route ?? "").Select(m => m.Groups[1].Value)],
                    x.Method.GetCustomAttribute<SiteScopedAttribute>() is not null
                )
            );

    [GeneratedRegex(@"\{\*?([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
