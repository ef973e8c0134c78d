using Microsoft.Azure.Functions.Worker;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// What the HTTP middleware steps share about one invocation: the function's declared policy and its route's values.
/// Read once by the first step and kept on the invocation.
/// </summary>
public sealed record HttpFunction(FunctionPolicy Policy, IReadOnlyDictionary<string, string?> Route)
{
    const string Key = nameof(HttpFunction);

    public string? StudyId => Route.GetValueOrDefault("studyId");

    /// <summary>The audit target the route names: its ids other than the study's, else the study.</summary>
    public string Target =>
        string.Join(
            ' ',
            Route
                .Where(r => r.Key != "studyId" && r.Value is not null)
                .Select(r => $"{r.Key.Replace("Id", "")}:{r.Value}")
        )
            is { Length: > 0 } named
            ? named
            : $"study:{StudyId}";

    /// <summary>The function's policy and route, or null for a function that declares none (refused by the first
    /// step).</summary>
    public static HttpFunction? Of(FunctionContext context)
    {
        if (context.Items.TryGetValue(Key, out var known))
            return (HttpFunction)known;
        if (!FunctionPolicy.All.TryGetValue(context.FunctionDefinition.Name, out var policy))
            return null;
        var function = new HttpFunction(
            policy,
            policy.RouteParameters.ToDictionary(p => p, p => RouteValue(context, p))
        );
        context.Items[Key] = function;
        return function;
    }

    /// <summary>Answers the request with this result; the steps after it and the function do not run.</summary>
    public static void Answer(FunctionContext context, IResult result) => context.GetInvocationResult().Value = result;

    public static int StatusOf(object? result) =>
        Unwrap(result) is IStatusCodeHttpResult { StatusCode: { } status } ? status : 200;

    /// <summary>The answer inside a function's declared union (<c>Results&lt;…&gt;</c>), or the result
    /// itself.</summary>
    public static object? Unwrap(object? result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;

    static string? RouteValue(FunctionContext context, string name) =>
        context.BindingContext.BindingData.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text
            ? text
            : null;
}
