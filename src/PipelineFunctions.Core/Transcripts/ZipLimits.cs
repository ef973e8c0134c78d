namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// How much a zip may hold before anything unpacks it. Sizes are the ones the archive declares; readers that unpack
/// must still stop at the declared size, since a crafted archive can understate it.
/// </summary>
/// <param name="MaxEntries">Most entries (files and folders) the archive may list.</param>
/// <param name="MaxUnpackedBytes">Largest total the entries may unpack to.</param>
/// <param name="MaxEntryBytes">Largest single entry.</param>
/// <param name="MaxRatio">Highest compression ratio accepted for entries of <paramref name="RatioCheckedFrom"/> bytes or more.</param>
public sealed record ZipLimits(
    int MaxEntries,
    long MaxUnpackedBytes,
    long MaxEntryBytes = long.MaxValue,
    int MaxRatio = 200,
    long RatioCheckedFrom = 1024 * 1024
);

/// <summary>What is wrong with a zip, found from its directory alone.</summary>
public enum ZipProblem
{
    TooManyEntries,
    UnpacksTooLarge,
    EntryTooLarge,
    SuspiciousRatio,
    UnsafeEntryName,
}
