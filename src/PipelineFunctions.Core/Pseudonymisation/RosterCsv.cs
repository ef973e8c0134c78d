using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// Reads a roster CSV: header <c>identifier,category[,aliases]</c>, aliases separated by <c>|</c>, category one of
/// person, place, organisation, other. Errors name the line, never the identifier on it.
/// </summary>
public static class RosterCsv
{
    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
    };

    public static IReadOnlyList<RosterEntry> Parse(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), Configuration);
        if (
            !reader.Read()
            || !reader.ReadHeader()
            || reader.HeaderRecord is not { } header
            || !header.Select(h => h.Trim().ToLowerInvariant()).Take(2).SequenceEqual(["identifier", "category"])
        )
            throw new FormatException("The roster needs the header identifier,category[,aliases].");
        var entries = new List<RosterEntry>();
        while (reader.Read())
        {
            var line = reader.Parser.Row;
            var identifier = reader.GetField("identifier");
            if (
                string.IsNullOrWhiteSpace(identifier)
                || !Enum.TryParse<IdentifierCategory>(reader.GetField("category"), true, out var category)
            )
                throw new FormatException(
                    $"Roster line {line} needs an identifier and a category (person, place, organisation, other)."
                );
            var aliases =
                reader.TryGetField<string>("aliases", out var list) && !string.IsNullOrWhiteSpace(list)
                    ? list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [];
            entries.Add(new RosterEntry(identifier, category, aliases));
        }
        return entries;
    }
}
