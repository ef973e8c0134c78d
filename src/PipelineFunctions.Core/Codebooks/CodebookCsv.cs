using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PipelineFunctions.Core.Codebooks;

/// <summary>Codebooks as CSV for spreadsheets: <c>id,name,parent,definition,inclusion,exclusion,examples</c>, examples split by <c>|</c>.</summary>
public static class CodebookCsv
{
    sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Parent { get; set; }
        public string Definition { get; set; } = "";
        public string? Inclusion { get; set; }
        public string? Exclusion { get; set; }
        public string? Examples { get; set; }
        public string? Colour { get; set; }
    }

    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        HeaderValidated = null,
    };

    public static Codebook Parse(string csv, string name)
    {
        using var reader = new CsvReader(new StringReader(csv), Configuration);
        List<Row> rows;
        try
        {
            rows = reader.GetRecords<Row>().ToList();
        }
        catch (CsvHelperException e)
        {
            throw new FormatException($"The codebook CSV could not be read near row {e.Context?.Parser?.Row}.", e);
        }
        var codes = rows.Select(r => new Code(
                r.Id.Trim(),
                r.Name.Trim(),
                string.IsNullOrWhiteSpace(r.Parent) ? null : r.Parent.Trim(),
                r.Definition.Trim(),
                Blank(r.Inclusion),
                Blank(r.Exclusion),
                string.IsNullOrWhiteSpace(r.Examples)
                    ? null
                    : r.Examples.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                CodeColours.IsColour(r.Colour?.Trim()) ? r.Colour!.Trim().ToLowerInvariant() : null
            ))
            .ToList();
        // The JSON reader holds the rules (ids unique, parents present): one place for them.
        return CodebookJson.Parse(CodebookJson.Write(new Codebook(name, codes)));
    }

    public static string Write(Codebook codebook)
    {
        using var writer = new StringWriter();
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(
            codebook.Codes.Select(c => new Row
            {
                Id = c.Id,
                Name = c.Name,
                Parent = c.Parent,
                Definition = c.Definition,
                Inclusion = c.Inclusion,
                Exclusion = c.Exclusion,
                Examples = c.Examples is { Count: > 0 } e ? string.Join('|', e) : null,
                Colour = c.Colour,
            })
        );
        return writer.ToString();
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
