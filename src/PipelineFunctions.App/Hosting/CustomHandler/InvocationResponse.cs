namespace PipelineFunctions.App.Hosting.CustomHandler;

/// <summary>The custom handler's answer: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>.</summary>
public sealed record InvocationResponse(Dictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue);
