namespace PipelineFunctions.App.Hosting.CustomHandler;

public static class FunctionEndpoints
{
    // The host reads Outputs/Logs/ReturnValue with these exact names, so no camel-casing.
    static readonly System.Text.Json.JsonSerializerOptions HostJson = new();

    /// <summary>
    /// <c>POST /{FunctionName}</c> for each queue function, as the Functions host invokes a custom handler.
    /// These paths are not reachable from outside: the host forwards only the HTTP functions' routes (api/, app/).
    /// </summary>
    public static void MapFunctionInvocations(this WebApplication app)
    {
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        foreach (var name in invoker.Names)
            app.MapPost($"/{name}", async (HttpContext http, FunctionInvoker functions, CancellationToken ct) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = await reader.ReadToEndAsync(ct);
                var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? Guid.NewGuid().ToString("n");
                var (status, response) = await functions.InvokeAsync(name, body, invocationId, ct);
                return Results.Json(response, HostJson, statusCode: status);
            }).ExcludeFromDescription();
    }
}
