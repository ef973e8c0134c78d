using System.IO.Compression;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A .qdpx opened for reading, its directory checked before any entry is unpacked (<see cref="ZipGuard"/>), and each
/// entry read no further than the size it declares, so a crafted archive cannot unpack more than was checked.
/// </summary>
sealed class QdpxArchive : IDisposable
{
    readonly ZipArchive zip;
    readonly QdpxLimits limits;
    long unpacked;

    QdpxArchive(ZipArchive zip, QdpxLimits limits) => (this.zip, this.limits) = (zip, limits);

    public static QdpxArchive Open(Stream stream, QdpxLimits limits)
    {
        var seekable = stream.CanSeek ? stream : Copy(stream, limits.MaxArchiveBytes);
        if (seekable.Length > limits.MaxArchiveBytes) throw TooLarge();
        ZipArchive zip;
        try { zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { throw NotAZip(); }
        var problem = ZipGuard.Inspect(zip, limits.Zip);
        if (problem is null) return new QdpxArchive(zip, limits);
        zip.Dispose();
        throw problem switch
        {
            ZipProblem.TooManyEntries => new QdpxRejectedException(QdpxProblem.ZipBomb, "The project file holds far more files than a project could; it was not unpacked."),
            ZipProblem.UnpacksTooLarge or ZipProblem.EntryTooLarge => new QdpxRejectedException(QdpxProblem.ZipBomb, "The project file unpacks to far more than a project could; it was not unpacked."),
            ZipProblem.SuspiciousRatio => new QdpxRejectedException(QdpxProblem.ZipBomb, "The project file is compressed suspiciously far (a zip bomb); it was not unpacked."),
            _ => new QdpxRejectedException(QdpxProblem.UnsafeEntryName, "The project file holds a file whose path would land outside the project (an absolute path, '..' or a backslash); it was not unpacked."),
        };
    }

    /// <summary>The entry at a path, matching the folder name in any case (<c>Sources</c> or <c>sources</c>), or null.</summary>
    public byte[]? Read(string path)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null) return null;
        try
        {
            using var stream = entry.Open();
            var content = new byte[entry.Length];
            stream.ReadExactly(content);
            if (stream.ReadByte() != -1)
                throw new QdpxRejectedException(QdpxProblem.ZipBomb, "A file inside the project unpacks to more than it declares (a crafted archive); it was not unpacked.");
            unpacked += content.Length;
            if (unpacked > limits.Zip.MaxUnpackedBytes) throw new QdpxRejectedException(QdpxProblem.ZipBomb, "The project file unpacks to far more than a project could.");
            return content;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new QdpxRejectedException(QdpxProblem.NotAProjectFile, "The project file is damaged: a file inside it cannot be unpacked.");
        }
    }

    public void Dispose() => zip.Dispose();

    static MemoryStream Copy(Stream stream, long max)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > max) throw TooLarge();
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    static QdpxRejectedException TooLarge() => new(QdpxProblem.TooLarge, "The project file is larger than this service accepts.");

    static QdpxRejectedException NotAZip() => new(QdpxProblem.NotAProjectFile, "The file is not a REFI-QDA project (.qdpx): it is not a zip archive.");
}
