using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.App.Stages.SuggestCodes;

/// <summary>Loads the sentence model when the worker starts, so the first transcript does not wait for it.</summary>
public sealed class SentenceModelWarmUp(ILogger<SentenceModelWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try { SharedEmbeddings.Instance.Embed(["warm up"]); }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            // Suggestions then fall back to the lexical engine; the reason is the type alone.
            logger.LogWarning("The sentence model cannot run here ({Failure}); suggestions use the lexical engine.", e.GetType().Name);
        }
    }, stoppingToken);
}
