using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Exchange;

/// <summary>
/// A project's sets of passages (saved searches, ours or another tool's) as the study's saved searches: each passage
/// on the transcript its source became and the turn that holds it; a set the study already has (same name, same
/// passages) is not saved again, so importing an export twice adds nothing. A set of whole sources and nothing else
/// (another tool's document group) holds every passage of its transcripts; the study's own site sets are not searches.
/// </summary>
public static class ImportedSearches
{
    /// <param name="placed">Each source the study holds now (imported or already there): its transcript and turns.</param>
    public static List<SearchSet> From(
        QdaProject project,
        IReadOnlyDictionary<string, (string TranscriptId, IReadOnlyList<SpeakerTurn> Turns)> placed,
        IReadOnlyList<SearchSet> existing,
        string by,
        DateTimeOffset at
    )
    {
        var added = new List<SearchSet>();
        var sourcesOnly = OfWholeSources(project).ToHashSet();
        foreach (var set in (project.Sets ?? []).Where(s => s.Passages is { Count: > 0 } || sourcesOnly.Contains(s)))
        {
            var passages = (
                set.Passages is { Count: > 0 }
                    ? set.Passages.Select(p =>
                        placed.TryGetValue(p.SourceGuid, out var where)
                        && project.Source(p.SourceGuid) is { } source
                        && TranscriptSource.Locate(where.Turns, source.Passage(p.Start, p.End)) is var (turn, _, _)
                            ? new SetPassage(where.TranscriptId, turn)
                            : null
                    )
                    : set.SourceGuids.SelectMany(g =>
                        placed.TryGetValue(g, out var where)
                            ? where.Turns.Select(t => (SetPassage?)new SetPassage(where.TranscriptId, t.Index))
                            : []
                    )
            )
                .OfType<SetPassage>()
                .Distinct()
                .ToList();
            if (
                passages.Count == 0
                || existing.Concat(added).Any(e => e.Name == set.Name && Same(e.Passages, passages))
            )
                continue;
            var search = SavedSearchText.Read(set.Description) ?? new SavedSearchQuery(set.Name);
            added.Add(
                new SearchSet(
                    Guid.NewGuid().ToString("n")[..12],
                    set.Name,
                    search.Query,
                    search.Site,
                    search.Language,
                    search.Role,
                    passages,
                    by,
                    at
                )
            );
        }
        return added;
    }

    /// <summary>Sets that name sources only (no passages, no codes), the study's own site sets left out.</summary>
    public static IEnumerable<QdaSet> OfWholeSources(QdaProject project) =>
        (project.Sets ?? []).Where(s =>
            s is { Passages: null or { Count: 0 }, CodeIds: null or { Count: 0 }, SourceGuids.Count: > 0 }
            && !ParticipantCases.IsSiteSet(s)
        );

    static bool Same(IReadOnlyCollection<SetPassage> a, IReadOnlyCollection<SetPassage> b) =>
        a.Count == b.Count && a.ToHashSet().SetEquals(b);
}
