namespace PipelineFunctions.Core.Transcripts;

/// <param name="MaxBytes">Largest upload accepted (default 50 MB).</param>
/// <param name="MaxUnpackedBytes">Largest total a Word file may unpack to, against zip bombs.</param>
public sealed record TranscriptLimits(long MaxBytes = 50L * 1024 * 1024, long MaxUnpackedBytes = 200L * 1024 * 1024)
{
    public static TranscriptLimits Default { get; } = new();
}
