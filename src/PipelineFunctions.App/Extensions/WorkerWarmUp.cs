using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Suggestions.Semantic;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Extensions;

/// <summary>
/// When the worker starts, loads the sentence model and runs the pseudonymiser once over a few made-up turns in each
/// language it tells apart, so the first transcript after a (cold) start pays less for loading and compiling them (one
/// measurement: the first run's samples p50 2.8 → 1.9 s; a 10k-word interview's first run stayed above 3 s), and
/// the translation check's language models.
/// </summary>
public sealed class WorkerWarmUp(ILogger<WorkerWarmUp> logger) : BackgroundService
{
    static readonly SpeakerTurn[] Turns =
    [
        new(1, "Interviewer", "How did the work go in the first week?"),
        new(2, "P1", "Dr. Example met me at 12 Example Road on 3 March; my record number is 123456."),
        new(3, "P1", "Die Arbeit war schwer, aber ich habe viel gelernt."),
        new(4, "P1", "Kazi ilikuwa ngumu lakini nilijifunza mengi."),
    ];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                new TranscriptPseudonymiser(
                    new StudyPseudonymisation(new byte[32], []),
                    new PseudonymBook()
                ).Pseudonymise(Turns, "en", null);
                try
                {
                    SharedEmbeddings.Instance.Embed([.. Turns.Select(t => t.Text)]);
                }
                catch (Exception e)
                    when (e
                            is TypeInitializationException
                                or DllNotFoundException
                                or BadImageFormatException
                                or EntryPointNotFoundException
                    )
                {
                    // Suggestions then fall back to the lexical engine; the reason is the type alone.
                    logger.LogWarning(
                        "The sentence model cannot run here ({Failure}); suggestions use the lexical engine.",
                        e.GetType().Name
                    );
                }
                // Last, as a translation check is the last stage a new upload needs: its language models load per
                // language on first use (some seconds), so those of the languages the pipeline reads natively load now.
                new TranslationChecker(["de", "sw"]).Check(Turns[2..4], "de", Turns[..2], "en");
            },
            stoppingToken
        );
}
