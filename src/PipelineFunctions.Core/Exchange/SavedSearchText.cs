using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Exchange;

/// <summary>A saved search's query and filters, as the study keeps them.</summary>
public sealed record SavedSearchQuery(string Query, string? Site = null, string? Language = null, string? Role = null);

/// <summary>
/// A saved search's description in a REFI-QDA set (<c>Saved search: hostile; site kampala (3 passage(s) when
/// saved)</c>): the words a person reads in another tool, and what an import reads back as the query and its filters.
/// </summary>
public static partial class SavedSearchText
{
    const string Prefix = "Saved search: ";

    public static string Describe(SavedSearchQuery search, int passages) =>
        $"{Prefix}{search.Query}{Filter("site", search.Site)}{Filter("language", search.Language)}"
        + $"{Filter("role", search.Role)} ({passages} passage(s) when saved)";

    /// <summary>The query and filters of a description this app wrote; null for any other text.</summary>
    public static SavedSearchQuery? Read(string? description)
    {
        if (description is null || Shape().Match(description.Trim()) is not { Success: true } m)
            return null;
        string? Group(string name) => m.Groups[name].Success ? m.Groups[name].Value : null;
        return new SavedSearchQuery(m.Groups["query"].Value, Group("site"), Group("language"), Group("role"));
    }

    static string Filter(string name, string? value) => string.IsNullOrEmpty(value) ? "" : $"; {name} {value}";

    [GeneratedRegex(
        @"^Saved search: (?<query>.+?)(?:; site (?<site>[^;]+?))?(?:; language (?<language>[^;]+?))?"
            + @"(?:; role (?<role>[^;]+?))?(?: \(\d+ passage\(s\) when saved\))?$",
        RegexOptions.Singleline
    )]
    private static partial Regex Shape();
}
