using System.Text;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Codebooks;

/// <summary>A codebook file in any format the team brings: JSON (ours), CSV, REFI-QDA <c>.qdc</c>, or a <c>.qdpx</c> project's codes.</summary>
public static class CodebookFiles
{
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "qdc", "qdpx"];

    /// <summary>Reads <paramref name="content"/> as <paramref name="format"/>; throws <see cref="FormatException"/> or <see cref="QdpxRejectedException"/> with a plain reason.</summary>
    /// <param name="name">The name for formats that carry none (CSV, .qdc, .qdpx).</param>
    /// <param name="current">The codebook now in use: a project's codes keep its ids where they match.</param>
    public static Codebook Read(string format, byte[] content, string name, Codebook? current = null) =>
        format switch
        {
            "json" => CodebookJson.Parse(Encoding.UTF8.GetString(content)),
            "csv" => CodebookCsv.Parse(Encoding.UTF8.GetString(content), name),
            "qdc" => CodebookQdc.Parse(new MemoryStream(content), name),
            "qdpx" => QdpxReader.ReadCodebook(new MemoryStream(content), current) with { Name = name },
            _ => throw new FormatException("Format must be json, csv, qdc or qdpx."),
        };
}
