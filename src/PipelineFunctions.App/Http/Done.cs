namespace PipelineFunctions.App.Http;

/// <summary>The answer to an action that has nothing more to say than what happened.</summary>
public sealed record Done(string Message);
