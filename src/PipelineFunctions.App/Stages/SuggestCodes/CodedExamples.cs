using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.App.Stages.SuggestCodes;

/// <summary>
/// What coders decided on the study's other transcripts, as the suggestion engine learns it: every code accepted,
/// changed or added, and every suggestion rejected — from the consensus where there is one, else from each coder's saved
/// work (a decision counts once it is saved, so the next transcript already reflects it).
/// </summary>
public sealed class CodedExamples(TranscriptStore transcripts, CodingStore codings, ReviewStore review)
{
    public async Task<IReadOnlyList<CodingDecision>> ForStudyAsync(
        string studyId,
        string exceptTranscript,
        CancellationToken ct
    )
    {
        var decisions = new List<CodingDecision>();
        foreach (
            var t in CodingRules.Ready(await transcripts.ListAsync(studyId, ct)).Where(t => t.Id != exceptTranscript)
        )
        {
            var works = await codings.ListAsync(t.Id, ct);
            if (works.Count == 0)
                continue;
            var decided = works.FirstOrDefault(w => w.Coder == CoderWorkDocument.FinalCoder) is { } final
                ? [final]
                : works;
            var segments = (await review.SegmentsAsync(t.Id, ct)).ToDictionary(s => s.Segment, s => s.Text);
            foreach (var work in decided)
            {
                decisions.AddRange(
                    work.Codings.Where(c => segments.ContainsKey(c.Segment))
                        .Select(c =>
                            CodingDecision.ForOrigin(Passage(segments[c.Segment], c.Start, c.End), c.CodeId, c.Origin)
                        )
                );
                decisions.AddRange(
                    work.Rejected.Where(r => segments.ContainsKey(r.Segment))
                        .Select(r => new CodingDecision(segments[r.Segment], r.CodeId, CodingDecisionKind.Rejected))
                );
            }
        }
        return decisions;
    }

    static string Passage(string text, int? start, int? end) =>
        start is { } s && end is { } e && e <= text.Length && s < e ? text[s..e] : text;
}
