using PipelineFunctions.App.Settings;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Language;

/// <summary>
/// The optional Azure AI Language PII provider: off unless the app has an endpoint and the study allowed text to
/// leave for it. Its entities join the local recognizers' below them in priority: it adds, it never overrules.
/// </summary>
public sealed class AzurePiiDetections(PipelineSettings settings)
{
    const int Priority = 45;
    const double MinimumConfidence = 0.6;

    readonly LanguageClient? _client = LanguageClients.From(settings);

    public bool IsConfigured => _client is not null;

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Detection>>?> DetectAsync(
        bool studyAllows,
        IReadOnlyList<SpeakerTurn> turns,
        string language,
        CancellationToken ct
    )
    {
        if (_client is null || !studyAllows)
            return null;
        var results = await _client.RecognizePiiEntitiesAsync(turns.Select(t => t.Text).ToList(), language, ct);
        return turns
            .Select(
                (t, i) =>
                    (
                        t.Index,
                        Detections: (IReadOnlyList<Detection>)
                            results[i]
                                .Entities.Where(e =>
                                    e.ConfidenceScore >= MinimumConfidence && KindOf(e.Category) is not null
                                )
                                .Select(e => new Detection(
                                    e.Offset,
                                    e.Length,
                                    KindOf(e.Category)!,
                                    $"name:{IdentifierText.Normalise(e.Text)}",
                                    Priority,
                                    "azure-language"
                                ))
                                .ToList()
                    )
            )
            .ToDictionary(x => x.Index, x => x.Detections);
    }

    static string? KindOf(string category) =>
        category switch
        {
            "Person" => IdentifierKinds.Person,
            "Address" or "Location" => IdentifierKinds.Place,
            "Organization" => IdentifierKinds.Organisation,
            "PhoneNumber" => IdentifierKinds.Phone,
            "Email" => IdentifierKinds.Email,
            "URL" => IdentifierKinds.Url,
            "DateTime" or "Date" => null, // a weekday or month alone stays; our date recognizer judges dates
            _ when category.Contains("ID", StringComparison.Ordinal)
                    || category.Contains("Number", StringComparison.Ordinal) => IdentifierKinds.Id,
            _ => null,
        };
}
