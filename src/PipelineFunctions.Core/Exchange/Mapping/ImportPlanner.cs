using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Languages;

namespace PipelineFunctions.Core.Exchange.Mapping;

/// <summary>
/// Works out, before anything is written, where each source of an imported project goes: its site and language from
/// the file where it says (the source's own Site and Language variables, else those of its cases, as our export writes
/// them per participant), else left to choose with a suggestion from the source's name (a site's name or id in it) and
/// text (the language its sentences are in); and which sources the study already holds, by content.
/// </summary>
public static class ImportPlanner
{
    /// <summary>Language names as tools and people write them, to the codes studies use.</summary>
    static readonly Dictionary<string, string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en",
        ["englisch"] = "en",
        ["kiingereza"] = "en",
        ["german"] = "de",
        ["deutsch"] = "de",
        ["kijerumani"] = "de",
        ["swahili"] = "sw",
        ["kiswahili"] = "sw",
        ["luganda"] = "lg",
        ["ganda"] = "lg",
        ["hebrew"] = "he",
        ["ivrit"] = "he",
    };

    /// <param name="existing">Content fingerprints (<see cref="ContentFingerprint"/>) of the study's transcripts → their ids.</param>
    public static ImportPlan Plan(
        QdpxImport import,
        IReadOnlyList<ImportSite> sites,
        IReadOnlyCollection<string> languages,
        IReadOnlyDictionary<string, string> existing
    )
    {
        var project = import.Project;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var plans = new List<SourcePlan>();
        foreach (var entry in import.Report.Sources)
        {
            if (!entry.Placed || project.Source(entry.Guid) is not { } source)
            {
                plans.Add(
                    new SourcePlan(
                        entry.Number,
                        entry.Guid,
                        entry.Name,
                        entry.Kind,
                        false,
                        null,
                        MappingOrigin.None,
                        null,
                        null,
                        MappingOrigin.None,
                        null,
                        null,
                        Reason: entry.Reason ?? "The source could not be read."
                    )
                );
                continue;
            }
            var values = ValuesOf(project, source);
            var site = values
                .Select(v => SiteOf(v.GetValueOrDefault(StudyVariables.Site), sites))
                .FirstOrDefault(s => s is not null);
            var language = values
                .Select(v => LanguageOf(v.GetValueOrDefault(StudyVariables.Language), languages))
                .FirstOrDefault(l => l is not null);
            var fingerprint = ContentFingerprint.OfText(source.PlainText);
            var earlier = seen.TryGetValue(fingerprint, out var n) ? n : (int?)null;
            seen.TryAdd(fingerprint, entry.Number);
            plans.Add(
                new SourcePlan(
                    entry.Number,
                    entry.Guid,
                    source.Name,
                    entry.Kind,
                    true,
                    site,
                    site is null ? MappingOrigin.None : MappingOrigin.File,
                    site is null ? SuggestSite(source.Name, sites) : null,
                    language,
                    language is null ? MappingOrigin.None : MappingOrigin.File,
                    language is null ? SuggestLanguage(source.PlainText, languages) : null,
                    fingerprint,
                    existing.GetValueOrDefault(fingerprint),
                    earlier,
                    Bytes: System.Text.Encoding.UTF8.GetByteCount(source.PlainText)
                )
            );
        }
        return new ImportPlan(plans, import.Report.Problems);
    }

    /// <summary>The source's own values first, then each of its cases' (a case holding the source or a passage of it).</summary>
    static IEnumerable<IReadOnlyDictionary<string, string>> ValuesOf(QdaProject project, QdaSource source)
    {
        if (source.Values is { } own)
            yield return own;
        foreach (var c in project.Cases ?? [])
            if (
                c.SourceGuids.Contains(source.Guid, StringComparer.OrdinalIgnoreCase)
                || c.Passages.Any(p => string.Equals(p.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase))
            )
                yield return c.Values;
    }

    /// <summary>A site written as its id or its name (any case, accents, spaces or hyphens).</summary>
    internal static string? SiteOf(string? value, IReadOnlyList<ImportSite> sites)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var wanted = Key(value);
        return sites.FirstOrDefault(s => Key(s.Id) == wanted || Key(s.Name) == wanted)?.Id;
    }

    internal static string? LanguageOf(string? value, IReadOnlyCollection<string> languages)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var code = value.Trim().ToLowerInvariant();
        code = LanguageNames.GetValueOrDefault(code, code.Split('-', '_')[0]);
        return languages.Contains(code) ? code : null;
    }

    /// <summary>The one site whose name or id the source's name holds as words ("Interview Kampala 50001", "dar-es-salaam-fg2").</summary>
    static string? SuggestSite(string name, IReadOnlyList<ImportSite> sites)
    {
        var words = $" {Key(name, keepSpaces: true)} ";
        var found = sites
            .Where(s =>
                new[] { s.Id, s.Name }.Any(x =>
                    Key(x, keepSpaces: true) is { Length: >= 3 } k && words.Contains($" {k} ")
                )
            )
            .ToList();
        return found.Count == 1 ? found[0].Id : null;
    }

    /// <summary>The study language most of the text's sentences are in (English, German or Kiswahili by their function words).</summary>
    static string? SuggestLanguage(string text, IReadOnlyCollection<string> languages)
    {
        var best = StretchLanguages
            .Of(text, Tokens.Of(text), null)
            .Where(s => s.Language is { } l && languages.Contains(l))
            .GroupBy(s => s.Language!)
            .Select(g => (Language: g.Key, Characters: g.Sum(s => s.End - s.Start)))
            .OrderByDescending(g => g.Characters)
            .FirstOrDefault();
        return best.Language;
    }

    static string Key(string value, bool keepSpaces = false)
    {
        var normalised = IdentifierText.Normalise(value.Replace('_', ' ').Replace('-', ' '));
        return keepSpaces
            ? string.Join(
                ' ',
                normalised
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
                    .Where(w => w.Length > 0)
            )
            : new string(normalised.Where(char.IsLetterOrDigit).ToArray());
    }
}
