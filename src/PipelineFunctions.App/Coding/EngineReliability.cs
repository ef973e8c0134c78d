using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Reliability;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// The engine as a third coder: on every passage of the study's finally coded transcripts (the consensus, or the one
/// submitted coding) that the engine made suggestions for, what it would have coded (its top code and any at the label
/// threshold, withheld ones included, so a code it stopped offering can recover) against what the coders coded.
/// One partition read per transcript for suggestions and one for codings.
/// </summary>
public sealed class EngineReliability(TranscriptStore transcripts, CodingStore codings, ReviewStore review)
{
    public async Task<IReadOnlyDictionary<string, CodeReliability>> ForStudyAsync(
        StudyDocument study,
        CancellationToken ct
    )
    {
        // Each transcript's two partition reads together, and the transcripts at once: the code tree waits for this.
        var reads = CodingRules
            .Ready(await transcripts.ListAsync(study.Id, ct))
            .Select(async t =>
                (Works: await codings.ListAsync(t.Id, ct), Suggestions: await review.SuggestionsAsync(t.Id, ct))
            )
            .ToList();
        var passages = new List<PassageOutcome>();
        foreach (var (works, suggestions) in await Task.WhenAll(reads))
        {
            if (CodingRules.Final(works) is not { } final)
                continue;
            var coded = final.Codings.ToLookup(c => c.Segment, c => c.CodeId);
            foreach (var segment in suggestions.Where(s => !s.IsAbstention).GroupBy(s => s.Segment))
            {
                var ranked = segment.OrderByDescending(s => s.Confidence).ToList();
                var engine = ranked
                    .Where((s, i) => i == 0 || s.Confidence >= SuggestionOptions.Default.LabelThreshold)
                    .Select(s => s.CodeId)
                    .ToHashSet(StringComparer.Ordinal);
                passages.Add(new PassageOutcome(engine, coded[segment.Key].ToHashSet(StringComparer.Ordinal)));
            }
        }
        var parents =
            study
                .Codebook?.Codes.Where(c => c.Parent is not null)
                .Select(c => c.Parent!)
                .ToHashSet(StringComparer.Ordinal)
            ?? [];
        var leaves = study.Codebook?.Codes.Where(c => !parents.Contains(c.Id)).Select(c => c.Id) ?? [];
        return EngineAgreement.Compute(leaves, passages).ToDictionary(r => r.CodeId, StringComparer.Ordinal);
    }
}
