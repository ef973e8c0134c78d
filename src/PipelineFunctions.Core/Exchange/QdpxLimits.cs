using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <param name="MaxArchiveBytes">Largest .qdpx accepted.</param>
/// <param name="Zip">What the archive may hold (checked on its directory before anything is unpacked).</param>
public sealed record QdpxLimits(long MaxArchiveBytes, ZipLimits Zip)
{
    /// <summary>A multi-site study's text project: thousands of transcripts, none larger than a book.</summary>
    public static QdpxLimits Default { get; } =
        new(
            512L * 1024 * 1024,
            new ZipLimits(MaxEntries: 20_000, MaxUnpackedBytes: 1024L * 1024 * 1024, MaxEntryBytes: 128L * 1024 * 1024)
        );
}
