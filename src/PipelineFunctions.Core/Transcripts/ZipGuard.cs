using System.IO.Compression;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Looks inside a zip before anything unpacks it: too many entries, too much unpacked, too large an entry, or a
/// suspicious ratio is a bomb; an entry name that could land outside the folder it is unpacked into is unsafe.
/// Word and OpenDocument files and REFI-QDA projects share it; each says what the problem means for its users.
/// </summary>
public static class ZipGuard
{
    const int MaxWordParts = 2_000;

    /// <param name="document">How the messages name the file (<c>The Word file</c>, <c>The OpenDocument file</c>).</param>
    /// <param name="extension">The format it should be, for the message when it is no zip at all.</param>
    public static void Check(
        byte[] content,
        TranscriptLimits limits,
        string document = "The Word file",
        string extension = ".docx"
    )
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            switch (Inspect(zip, new ZipLimits(MaxWordParts, limits.MaxUnpackedBytes), checkNames: false))
            {
                case ZipProblem.TooManyEntries:
                    throw Bomb($"{document} has too many parts.");
                case ZipProblem.UnpacksTooLarge or ZipProblem.EntryTooLarge:
                    throw Bomb($"{document} unpacks to far more than a transcript could be.");
                case ZipProblem.SuspiciousRatio:
                    throw Bomb($"{document} is compressed suspiciously far (a zip bomb).");
            }
        }
        catch (InvalidDataException)
        {
            throw new TranscriptRejectedException(
                RejectionReason.CorruptDocument,
                $"{document} is damaged or not a {extension} document."
            );
        }
    }

    /// <summary>The first problem found in the archive's directory, or null. Nothing is unpacked.</summary>
    public static ZipProblem? Inspect(ZipArchive zip, ZipLimits limits, bool checkNames = true)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            return ZipProblem.TooManyEntries;
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (checkNames && !IsSafeEntryName(entry.FullName))
                return ZipProblem.UnsafeEntryName;
            total += entry.Length;
            if (total > limits.MaxUnpackedBytes)
                return ZipProblem.UnpacksTooLarge;
            if (entry.Length > limits.MaxEntryBytes)
                return ZipProblem.EntryTooLarge;
            if (
                entry.Length > limits.RatioCheckedFrom
                && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxRatio
            )
                return ZipProblem.SuspiciousRatio;
        }
        return null;
    }

    /// <summary>
    /// A relative path of forward-slash segments: not absolute, no drive or stream colon, no <c>..</c> segment,
    /// no backslash (a separator on Windows) and no control characters.
    /// </summary>
    public static bool IsSafeEntryName(string name) =>
        name.Length is > 0 and <= 260
        && name[0] != '/'
        && !name.Any(c => c is '\\' or ':' || char.IsControl(c))
        && !name.Split('/').Any(segment => segment is "..");

    static TranscriptRejectedException Bomb(string message) => new(RejectionReason.ZipBomb, message);
}
