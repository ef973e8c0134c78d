using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.App.Stages.SuggestCodes;

/// <summary>
/// What coders decided, as training examples for suggestions: every code accepted, changed or added in a consensus or
/// a submitted coding of the study's other transcripts. So the engine learns as reviews arrive.
/// </summary>
public sealed class CodedExamples(TranscriptStore transcripts, CodingStore codings, ReviewStore review)
{
    public async Task<IReadOnlyList<LabelledExample>> ForStudyAsync(string studyId, string exceptTranscript, CancellationToken ct)
    {
        var examples = new List<LabelledExample>();
        foreach (var t in (await transcripts.ListAsync(studyId, ct)).Where(t => t.Id != exceptTranscript && t.Status == TranscriptStatus.SuggestionsReady))
        {
            var works = await codings.ListAsync(t.Id, ct);
            var decided = works.FirstOrDefault(w => w.Coder == CoderWorkDocument.FinalCoder) is { } final ? [final] : works.Where(w => w.Submitted).ToList();
            if (decided.Count == 0) continue;
            var segments = (await review.SegmentsAsync(t.Id, ct)).ToDictionary(s => s.Segment, s => s.Text);
            examples.AddRange(decided.SelectMany(w => w.Codings).Where(c => segments.ContainsKey(c.Segment))
                .Select(c => new LabelledExample(c.Start is { } s && c.End is { } e && e <= segments[c.Segment].Length && s < e ? segments[c.Segment][s..e] : segments[c.Segment], c.CodeId)));
        }
        return examples;
    }
}
