namespace PipelineFunctions.Core.Exchange.Mapping;

/// <summary>A study site an import may file sources under: its id and the name people know it by.</summary>
public sealed record ImportSite(string Id, string Name);

/// <summary>Where a source's site or language came from.</summary>
public enum MappingOrigin
{
    /// <summary>Not known: to be chosen on the import page.</summary>
    None,

    /// <summary>The file says so: the source's own variables or those of its cases (our export writes Site and Language).</summary>
    File,

    /// <summary>Chosen by the person importing.</summary>
    Chosen,
}

/// <summary>
/// What an import would do with one source of the file, worked out before anything is written (a dry run).
/// <paramref name="Site"/>/<paramref name="Language"/> are the study's site id and language code when the file or a
/// person decided them; otherwise <paramref name="SuggestedSite"/>/<paramref name="SuggestedLanguage"/> are a guess from
/// the source's name and text to offer, never applied by themselves. A source whose content the study (or an earlier
/// source of the file) already holds is a duplicate and would not be imported. <paramref name="Bytes"/> is the size of
/// its text (UTF-8), to show beside its name.
/// </summary>
public sealed record SourcePlan(
    int Number,
    string Guid,
    string Name,
    string Kind,
    bool Placed,
    string? Site,
    MappingOrigin SiteFrom,
    string? SuggestedSite,
    string? Language,
    MappingOrigin LanguageFrom,
    string? SuggestedLanguage,
    string? Fingerprint,
    string? DuplicateOfTranscript = null,
    int? DuplicateOfSource = null,
    string? Reason = null,
    long? Bytes = null
)
{
    public bool IsDuplicate => DuplicateOfTranscript is not null || DuplicateOfSource is not null;

    /// <summary>Would be imported as it stands: text read, not a duplicate, a site and a language decided.</summary>
    public bool Ready => Placed && !IsDuplicate && Site is not null && Language is not null;

    /// <summary>Waits for a choice: would be imported once a site and a language are chosen.</summary>
    public bool NeedsChoice => Placed && !IsDuplicate && (Site is null || Language is null);
}

/// <summary>The dry run of an import: each source's plan, and what the import would do in all.</summary>
public sealed record ImportPlan(IReadOnlyList<SourcePlan> Sources, IReadOnlyList<QdpxFinding> Problems)
{
    public int ToImport => Sources.Count(s => s.Ready);
    public int Duplicates => Sources.Count(s => s.IsDuplicate);
    public int NotPlaced => Sources.Count(s => !s.Placed);
    public int AwaitingChoice => Sources.Count(s => s.NeedsChoice);

    /// <summary>The same plan with a person's choices (source number → site id, language code) applied where valid for the study.</summary>
    public ImportPlan Choose(
        IReadOnlyDictionary<int, (string? Site, string? Language)> choices,
        IReadOnlyList<ImportSite> sites,
        IReadOnlyCollection<string> languages
    ) =>
        this with
        {
            Sources = Sources
                .Select(s =>
                    choices.TryGetValue(s.Number, out var c) ? Chosen(s, c.Site, c.Language, sites, languages) : s
                )
                .ToList(),
        };

    static SourcePlan Chosen(
        SourcePlan s,
        string? site,
        string? language,
        IReadOnlyList<ImportSite> sites,
        IReadOnlyCollection<string> languages
    )
    {
        // A choice that agrees with the file leaves the file as where the value came from.
        if (site is not null && site != s.Site && sites.Any(x => x.Id == site))
            s = s with { Site = site, SiteFrom = MappingOrigin.Chosen };
        if (language is not null && language != s.Language && languages.Contains(language))
            s = s with { Language = language, LanguageFrom = MappingOrigin.Chosen };
        return s;
    }

    /// <summary>What the dry run says, in the user's words.</summary>
    public string Summary =>
        Sources.Count == 0 ? "The file holds no sources."
        : ToImport == 0 && AwaitingChoice == 0 && Duplicates > 0 && Duplicates == Sources.Count(s => s.Placed)
            ? $"Nothing would be imported: all {Duplicates} source(s) with text are already in the study."
        : $"{ToImport} source(s) would be imported"
            + (AwaitingChoice > 0 ? $", {AwaitingChoice} wait for a site or language to be chosen" : "")
            + (Duplicates > 0 ? $", {Duplicates} are already in the study or the file and would be skipped" : "")
            + (NotPlaced > 0 ? $", {NotPlaced} have no text that can be read" : "")
            + ".";
}
