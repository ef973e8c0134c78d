namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>
/// A queue-triggered function, its queue name resolved and its connection string looked up. <paramref name="DeferredBinding"/>:
/// the worker binds an SDK type (QueueMessage) and wants the message as model binding data, not as its body.
/// </summary>
public sealed record QueueFunction(
    string Name,
    string BindingName,
    string QueueName,
    string ConnectionString,
    bool DeferredBinding
);
