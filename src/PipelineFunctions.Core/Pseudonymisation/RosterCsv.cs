namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>Reads a roster CSV: header <c>identifier,category[,aliases]</c>, aliases separated by <c>|</c>.</summary>
public static class RosterCsv
{
    public static IReadOnlyList<RosterEntry> Parse(string csv)
    {
        var lines = csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].Trim().StartsWith("identifier,category", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("The roster needs the header identifier,category[,aliases].");
        var entries = new List<RosterEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length < 2 || !Enum.TryParse<IdentifierCategory>(cells[1].Trim(), true, out var category))
                throw new FormatException($"Roster line {i + 1} needs an identifier and a category (person, place, organisation, other).");
            var aliases = cells.Length > 2 ? cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            entries.Add(new RosterEntry(cells[0].Trim(), category, aliases));
        }
        return entries;
    }
}
