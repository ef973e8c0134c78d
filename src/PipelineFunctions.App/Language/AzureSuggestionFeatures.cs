using PipelineFunctions.App.Settings;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.App.Language;

/// <summary>
/// The optional Azure AI Language provider for suggestions, off unless configured and allowed by the study: when a
/// custom project and deployment are set, a custom multi-label classifier whose classes are the codebook's code ids
/// joins the local engine. Only pseudonymised text is ever sent.
/// </summary>
public sealed class AzureSuggestionFeatures(PipelineSettings settings)
{
    public const string EngineName = "azure-custom";

    readonly LanguageClient? _client = LanguageClients.From(settings);

    /// <summary>The custom classifier's codes, merged into the local suggestions: the higher confidence of the two wins.</summary>
    public async Task<IReadOnlyList<UnitSuggestions>> MergeCustomAsync(
        bool studyAllows,
        Codebook codebook,
        IReadOnlyList<UnitSuggestions> local,
        string language,
        SuggestionOptions options,
        CancellationToken ct
    )
    {
        if (
            _client is null
            || !studyAllows
            || string.IsNullOrEmpty(settings.LanguageClassifierProject)
            || string.IsNullOrEmpty(settings.LanguageClassifierDeployment)
        )
            return local;
        var coded = local.Where(u => !u.Unit.IsInterviewer).ToList();
        var classes = await _client.ClassifyMultiLabelAsync(
            coded.Select(u => u.Unit.Text).ToList(),
            language,
            settings.LanguageClassifierProject,
            settings.LanguageClassifierDeployment,
            ct
        );
        var byUnit = coded.Select((u, i) => (u.Unit.Segment, classes[i])).ToDictionary(x => x.Segment, x => x.Item2);
        return local
            .Select(u =>
            {
                if (!byUnit.TryGetValue(u.Unit.Segment, out var found))
                    return u;
                var custom = found
                    .Where(c => codebook.Find(c.Category) is not null && c.Confidence >= options.AbstainBelow)
                    .Select(c => new CodeSuggestion(
                        c.Category,
                        codebook.Find(c.Category)!.Name,
                        Math.Round(c.Confidence, 3),
                        [
                            $"custom classifier {settings.LanguageClassifierProject}/{settings.LanguageClassifierDeployment}",
                        ],
                        EngineName
                    ));
                var merged = u
                    .Suggestions.Concat(custom)
                    .GroupBy(s => s.CodeId)
                    .Select(g => g.MaxBy(s => s.Confidence)!)
                    .OrderByDescending(s => s.Confidence)
                    .ThenBy(s => s.CodeId, StringComparer.Ordinal)
                    .Take(options.Top)
                    .ToList();
                return u with { Suggestions = merged };
            })
            .ToList();
    }
}
