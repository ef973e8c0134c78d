namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Transcripts laid out as a table — speaker in the first column, what they said in the next — as Word and
/// OpenDocument editors make them: a row of two or more cells whose first cell is a short label reads as one
/// <c>label: text</c> line; any other row gives a line per cell.
/// </summary>
static class TableRows
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> cells)
    {
        if (cells.Count >= 2 && cells[0].Length is > 0 and <= 40 && !cells[0].Contains(':'))
            return [$"{cells[0]}: {string.Join(' ', cells.Skip(1))}"];
        return cells;
    }
}
