namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>A queue-triggered function, its queue name resolved and its connection string looked up.</summary>
public sealed record QueueFunction(string Name, string BindingName, string QueueName, string ConnectionString);
