using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PipelineFunctions.Core.Tests;

/// <summary>Files the tests build: zips with given entries, zip bombs, and plain Word documents.</summary>
static class TestFiles
{
    public static byte[] Zip(params IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    /// <summary>A zip whose one entry is <paramref name="megabytes"/> MB of zeros, streamed in: a few hundred KB packed.</summary>
    public static byte[] Bomb(string entry, int megabytes = 64)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var part = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
                part.Write(zeros);
        }
        return buffer.ToArray();
    }

    /// <summary>A Word document of one run per paragraph, spaces kept.</summary>
    public static byte[] Word(IEnumerable<string> paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(
                new W.Body(
                    paragraphs.Select(p => new W.Paragraph(
                        new W.Run(new W.Text(p) { Space = SpaceProcessingModeValues.Preserve })
                    ))
                )
            );
        }
        return buffer.ToArray();
    }
}
