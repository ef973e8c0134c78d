using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineFunctions.Core.Codebooks;

/// <summary>Reads and writes the codebook JSON format of <c>shared/codebooks/</c>.</summary>
public static class CodebookJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static Codebook Parse(string json)
    {
        Codebook? book;
        try
        {
            book = JsonSerializer.Deserialize<Codebook>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The codebook is not valid JSON (line {e.LineNumber + 1}).", e);
        }
        if (book is null || string.IsNullOrWhiteSpace(book.Name) || book.Codes is null || book.Codes.Count == 0)
            throw new FormatException("The codebook needs a name and at least one code.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in book.Codes)
        {
            if (string.IsNullOrWhiteSpace(code.Id) || string.IsNullOrWhiteSpace(code.Name))
                throw new FormatException("Every code needs an id and a name.");
            if (!ids.Add(code.Id))
                throw new FormatException($"The code id '{code.Id}' appears twice.");
        }
        foreach (var code in book.Codes)
            if (code.Parent is not null && !ids.Contains(code.Parent))
                throw new FormatException(
                    $"The code '{code.Id}' names a parent '{code.Parent}' that is not in the codebook."
                );
        return book;
    }

    public static string Write(Codebook book) => JsonSerializer.Serialize(book, Options);
}
