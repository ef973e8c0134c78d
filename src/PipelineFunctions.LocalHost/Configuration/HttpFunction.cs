namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>An HTTP-triggered function: its route template (without the prefix) and methods (empty: any).</summary>
public sealed record HttpFunction(string Name, string BindingName, string Route, IReadOnlyList<string> Methods);
