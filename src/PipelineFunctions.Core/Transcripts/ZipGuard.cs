using System.IO.Compression;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>Looks inside a zip before anything unpacks it: too many entries, too much unpacked, or a suspicious ratio is a bomb.</summary>
public static class ZipGuard
{
    const int MaxEntries = 2_000;
    const long RatioCheckedFrom = 1024 * 1024;
    const int MaxRatio = 200;

    public static void Check(byte[] content, TranscriptLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) throw Bomb("The Word file has too many parts.");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUnpackedBytes) throw Bomb("The Word file unpacks to far more than a transcript could be.");
                if (entry.Length > RatioCheckedFrom && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio)
                    throw Bomb("The Word file is compressed suspiciously far (a zip bomb).");
            }
        }
        catch (InvalidDataException)
        {
            throw new TranscriptRejectedException(RejectionReason.CorruptDocument, "The Word file is damaged or not a .docx document.");
        }
    }

    static TranscriptRejectedException Bomb(string message) => new(RejectionReason.ZipBomb, message);
}
