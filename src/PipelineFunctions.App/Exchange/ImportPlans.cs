using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Exchange.Mapping;

namespace PipelineFunctions.App.Exchange;

/// <summary>
/// The dry run of an import into a study: the study's transcripts by content (their parsed and their pseudonymised
/// turns, as an upload of the text or a re-import of an export would match), and each source's plan. Reads only.
/// </summary>
public sealed class ImportPlans(TranscriptStore transcripts, TranscriptTexts texts)
{
    /// <param name="choices">The study lead's site and language per source (by GUID), from the import page.</param>
    /// <param name="site">The site for sources neither the file nor a choice places, when the importer named one.</param>
    /// <param name="language">The language for sources neither the file nor a choice says, when the importer named one.</param>
    /// <returns>The plan, or with errors the choices the study or the file cannot take (nothing is chosen then).</returns>
    public async Task<(ImportPlan Plan, IReadOnlyList<MappingError> Errors)> PlanAsync(
        StudyDocument study,
        QdpxImport import,
        IReadOnlyDictionary<string, SourceChoice> choices,
        string? site,
        string? language,
        CancellationToken ct
    )
    {
        var sites = Sites(study);
        var found = ImportPlanner.Plan(import, sites, study.Languages, await FingerprintsAsync(study.Id, ct));
        var (plan, errors) = ImportMapping.Apply(found, choices, sites, study.Languages);
        if (errors.Count > 0)
            return (plan, errors);
        var defaults = plan
            .Sources.Where(s => s.NeedsChoice)
            .ToDictionary(s => s.Number, s => (s.Site is null ? site : null, s.Language is null ? language : null));
        return (plan.Choose(defaults, sites, study.Languages), errors);
    }

    public static List<ImportSite> Sites(StudyDocument study) =>
        study.Sites.Select(s => new ImportSite(s.Id, s.Name)).ToList();

    async Task<Dictionary<string, string>> FingerprintsAsync(string studyId, CancellationToken ct)
    {
        var byContent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in await transcripts.ListAsync(studyId, ct))
        {
            if (t.Status is TranscriptStatus.Rejected or TranscriptStatus.Superseded)
                continue;
            if (await texts.LoadParsedAsync(t.Id, ct) is { } parsed)
                byContent.TryAdd(ContentFingerprint.Of(parsed.Turns), t.Id);
            if (t.PseudonymVersion > 0 && await texts.LoadPseudonymisedAsync(t.Id, t.PseudonymVersion, ct) is { } turns)
                byContent.TryAdd(ContentFingerprint.Of(turns), t.Id);
        }
        return byContent;
    }
}
