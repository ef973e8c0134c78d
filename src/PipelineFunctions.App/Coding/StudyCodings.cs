using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Coding;

/// <summary>One ready transcript's coding as a user may see it: their own work, the other coder's once both submitted, the final coding.</summary>
/// <param name="Shown">Every coder's work the user may see (<see cref="CodingRules.VisibleTo"/>): the study lead's
/// reports read each coder's marks from it.</param>
public sealed record VisibleCoding(
    TranscriptDocument Transcript,
    CoderWorkDocument? Mine,
    CoderWorkDocument? Other,
    CoderWorkDocument? Final,
    IReadOnlyList<CoderWorkDocument>? Shown = null
);

/// <summary>
/// The study's codings across its ready transcripts, one partition read per transcript, held to blind coding: the other
/// coder's work only where the pair has submitted (as agreement opens), and only to one of the pair or the study lead.
/// </summary>
public sealed class StudyCodings(TranscriptStore transcripts, CodingStore codings)
{
    public async Task<List<VisibleCoding>> ListAsync(
        string studyId,
        ClaimsPrincipal user,
        Func<TranscriptDocument, bool> include,
        CancellationToken ct
    )
    {
        var result = new List<VisibleCoding>();
        foreach (var t in CodingRules.Ready(await transcripts.ListAsync(studyId, ct)).Where(include))
        {
            var works = await codings.ListAsync(t.Id, ct);
            var mine = works.FirstOrDefault(w => w.Coder == user.Name());
            var pair = CodingRules.Pair(works);
            var other =
                pair.Count == 2 && (pair.Any(p => p.Coder == user.Name()) || user.IsInRole(Roles.StudyLead))
                    ? pair.FirstOrDefault(p => p.Coder != user.Name())
                    : null;
            result.Add(
                new VisibleCoding(
                    t,
                    mine,
                    other,
                    CodingRules.Final(works),
                    [.. works.Where(CodingRules.VisibleTo(user))]
                )
            );
        }
        return result;
    }
}
