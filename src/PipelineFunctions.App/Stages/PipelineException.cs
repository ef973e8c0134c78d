namespace PipelineFunctions.App.Stages;

/// <summary>A step failed for a reason a person can act on. Its message is safe to show and log: ids only, no text.</summary>
public sealed class PipelineException(string message) : Exception(message);
