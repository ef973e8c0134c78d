using System.IO.Compression;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A .qdpx opened for reading, its directory checked before any entry is unpacked (<see cref="ZipGuard"/>), and each
/// entry read no further than the size it declares, so a crafted archive cannot unpack more than was checked. An entry
/// that inflates past its declared size, or whose bytes do not match its declared CRC-32, is refused.
/// </summary>
sealed class QdpxArchive : IDisposable
{
    readonly ZipArchive zip;
    readonly Stream archive;
    readonly QdpxLimits limits;
    long unpacked;

    QdpxArchive(ZipArchive zip, Stream archive, QdpxLimits limits) =>
        (this.zip, this.archive, this.limits) = (zip, archive, limits);

    public static QdpxArchive Open(Stream stream, QdpxLimits limits)
    {
        var seekable = stream.CanSeek ? stream : Copy(stream, limits.MaxArchiveBytes);
        if (seekable.Length > limits.MaxArchiveBytes)
            throw TooLarge();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw NotAZip();
        }
        var problem = ZipGuard.Inspect(zip, limits.Zip);
        if (problem is null)
            return new QdpxArchive(zip, seekable, limits);
        zip.Dispose();
        throw problem switch
        {
            ZipProblem.TooManyEntries => new QdpxRejectedException(
                QdpxProblem.ZipBomb,
                "The project file holds far more files than a project could; it was not unpacked."
            ),
            ZipProblem.UnpacksTooLarge or ZipProblem.EntryTooLarge => new QdpxRejectedException(
                QdpxProblem.ZipBomb,
                "The project file unpacks to far more than a project could; it was not unpacked."
            ),
            ZipProblem.SuspiciousRatio => new QdpxRejectedException(
                QdpxProblem.ZipBomb,
                "The project file is compressed suspiciously far (a zip bomb); it was not unpacked."
            ),
            _ => new QdpxRejectedException(
                QdpxProblem.UnsafeEntryName,
                "The project file holds a file whose path would land outside the project (an absolute path, '..' or a backslash); it was not unpacked."
            ),
        };
    }

    /// <summary>The entry at a path, matching the folder name in any case (<c>Sources</c> or <c>sources</c>), or null.</summary>
    public byte[]? Read(string path)
    {
        var entry =
            zip.GetEntry(path)
            ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
            return null;
        try
        {
            using var stream = entry.Open();
            var content = new byte[entry.Length];
            stream.ReadExactly(content);
            if (stream.ReadByte() != -1)
                throw new QdpxRejectedException(
                    QdpxProblem.ZipBomb,
                    "A file inside the project unpacks to more than its size as the archive declares it (a crafted or damaged archive); it was not unpacked."
                );
            if (System.IO.Hashing.Crc32.HashToUInt32(content) != entry.Crc32)
                throw InflatesPastDeclared(entry)
                    ? new QdpxRejectedException(
                        QdpxProblem.ZipBomb,
                        "A file inside the project unpacks to more than its size as the archive declares it (a crafted or damaged archive); it was not unpacked."
                    )
                    : new QdpxRejectedException(
                        QdpxProblem.DamagedEntry,
                        "The project file is damaged: a file inside it does not match its checksum (CRC), so it was not read. Export the project again."
                    );
            unpacked += content.Length;
            if (unpacked > limits.Zip.MaxUnpackedBytes)
                throw new QdpxRejectedException(
                    QdpxProblem.ZipBomb,
                    "The project file unpacks to far more than a project could."
                );
            return content;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new QdpxRejectedException(
                QdpxProblem.NotAProjectFile,
                "The project file is damaged: a file inside it cannot be unpacked."
            );
        }
    }

    /// <summary>The archive's file names (folders left out).</summary>
    public IEnumerable<string> Names => zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName);

    /// <summary>
    /// Whether a deflated entry's data inflates past the size the archive declares. .NET stops an entry's stream at the
    /// declared size, so the excess is looked for in the raw data behind the entry's local header (found by its name).
    /// </summary>
    bool InflatesPastDeclared(ZipArchiveEntry entry)
    {
        if (!archive.CanSeek || entry.CompressedLength == entry.Length)
            return false;
        archive.Position = 0;
        var bytes = new byte[archive.Length];
        archive.ReadExactly(bytes);
        var name = System.Text.Encoding.UTF8.GetBytes(entry.FullName);
        for (var at = bytes.AsSpan().IndexOf("PK\u0003\u0004"u8); at >= 0 && at + 30 <= bytes.Length; )
        {
            var (nameLength, extraLength) = (
                BitConverter.ToUInt16(bytes, at + 26),
                BitConverter.ToUInt16(bytes, at + 28)
            );
            var data = at + 30 + nameLength + extraLength;
            if (data <= bytes.Length && bytes.AsSpan(at + 30, nameLength).SequenceEqual(name))
            {
                using var inflate = new DeflateStream(
                    new MemoryStream(bytes, data, (int)Math.Min(entry.CompressedLength, bytes.Length - data)),
                    CompressionMode.Decompress
                );
                var buffer = new byte[81920];
                long total = 0;
                int read;
                try
                {
                    while ((read = inflate.Read(buffer)) > 0)
                        if ((total += read) > entry.Length)
                            return true;
                }
                catch (InvalidDataException)
                {
                    return false;
                }
                return false;
            }
            var next = bytes.AsSpan(at + 4).IndexOf("PK\u0003\u0004"u8);
            at = next < 0 ? -1 : at + 4 + next;
        }
        return false;
    }

    public void Dispose() => zip.Dispose();

    static MemoryStream Copy(Stream stream, long max)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > max)
                throw TooLarge();
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    static QdpxRejectedException TooLarge() =>
        new(QdpxProblem.TooLarge, "The project file is larger than this service accepts.");

    static QdpxRejectedException NotAZip() =>
        new(QdpxProblem.NotAProjectFile, "The file is not a REFI-QDA project (.qdpx): it is not a zip archive.");
}
