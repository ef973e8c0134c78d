using System.Text.Json;

namespace PipelineFunctions.Core.Exchange.Mapping;

/// <summary>The site and language a person chose for one source of the file; either may be left out.</summary>
public sealed record SourceChoice(string? Site, string? Language);

/// <summary>A choice the study or the file cannot take, said to the person who made it.</summary>
/// <param name="Number">The source's place in the file, from 1; null when the mapping names no source of the file.</param>
public sealed record MappingError(int? Number, string Guid, string Message);

/// <summary>
/// The import's mapping: per source of the file (by its GUID) the site and language the study lead chose, read from
/// JSON (<c>{"GUID": {"site": "kampala", "language": "sw"}}</c>) and checked against the file's sources and the study's
/// sites and languages before anything is written. Sites are taken by id or name, languages by code or name.
/// </summary>
public static class ImportMapping
{
    const string Shape =
        "Send it as each source's GUID with its site and language, e.g. "
        + "{\"GUID\": {\"site\": \"kampala\", \"language\": \"en\"}}.";

    /// <summary>The choices by GUID (any case), or the sentence saying why the JSON cannot be read.</summary>
    public static (IReadOnlyDictionary<string, SourceChoice>? Choices, string? Error) Parse(string? json)
    {
        var choices = new Dictionary<string, SourceChoice>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
            return (choices, null);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, $"The mapping could not be read. {Shape}");
            foreach (var source in document.RootElement.EnumerateObject())
            {
                if (source.Value.ValueKind != JsonValueKind.Object)
                    return (null, $"The mapping could not be read. {Shape}");
                choices[source.Name.Trim()] = new SourceChoice(
                    Text(source.Value, "site"),
                    Text(source.Value, "language")
                );
            }
            return (choices, null);
        }
        catch (JsonException)
        {
            return (null, $"The mapping could not be read. {Shape}");
        }
    }

    static string? Text(JsonElement choice, string name) =>
        choice.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            is { Value.ValueKind: JsonValueKind.String } p
        && p.Value.GetString() is { } s
        && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : null;

    /// <summary>
    /// The plan with the choices applied (a choice that differs from the file's value replaces it), and every choice
    /// that names a source the file lacks, or a site or language the study lacks. With any error the plan is the one
    /// given: a mapping is taken whole or not at all.
    /// </summary>
    public static (ImportPlan Plan, IReadOnlyList<MappingError> Errors) Apply(
        ImportPlan plan,
        IReadOnlyDictionary<string, SourceChoice> choices,
        IReadOnlyList<ImportSite> sites,
        IReadOnlyCollection<string> languages
    )
    {
        var errors = new List<MappingError>();
        var byNumber = new Dictionary<int, (string? Site, string? Language)>();
        foreach (var (guid, choice) in choices)
        {
            var source = plan.Sources.FirstOrDefault(s =>
                string.Equals(s.Guid, guid, StringComparison.OrdinalIgnoreCase)
            );
            if (source is null)
            {
                errors.Add(
                    new MappingError(
                        null,
                        guid,
                        $"The mapping names a source ({guid}) that is not in this file. Choose the file again; the "
                            + "sources listed are the ones it holds."
                    )
                );
                continue;
            }
            var site = choice.Site is null ? null : ImportPlanner.SiteOf(choice.Site, sites);
            var language = choice.Language is null ? null : ImportPlanner.LanguageOf(choice.Language, languages);
            if (choice.Site is not null && site is null)
                errors.Add(
                    new MappingError(
                        source.Number,
                        source.Guid,
                        $"Source {source.Number}: this study has no site '{choice.Site}'. Choose one of its sites: "
                            + $"{string.Join(", ", sites.Select(s => s.Name))}."
                    )
                );
            if (choice.Language is not null && language is null)
                errors.Add(
                    new MappingError(
                        source.Number,
                        source.Guid,
                        $"Source {source.Number}: this study is not in the language '{choice.Language}'. Choose one of "
                            + $"its languages: {string.Join(", ", languages)}."
                    )
                );
            byNumber[source.Number] = (site, language);
        }
        return errors.Count > 0 ? (plan, errors) : (plan.Choose(byNumber, sites, languages), errors);
    }
}
