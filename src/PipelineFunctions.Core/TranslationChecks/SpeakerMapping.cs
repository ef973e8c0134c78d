using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// How the pair itself translates its speaker labels (Teilnehmerin → Participant, Mhojaji → Interviewer): for each
/// source label, the translation label most of its aligned turns carry, one to one. A label translated consistently is
/// the same speaker; one that departs from the pair's own mapping is a mismatch.
/// </summary>
public sealed class SpeakerMapping
{
    readonly Dictionary<string, string> _map;

    SpeakerMapping(Dictionary<string, string> map) => _map = map;

    public static readonly SpeakerMapping Identity = new(
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    );

    public IReadOnlyDictionary<string, string> Labels => _map;

    /// <summary>Learned from a first alignment: a label needs at least two aligned turns and a clear majority.</summary>
    public static SpeakerMapping From(
        IReadOnlyList<SpeakerTurn> source,
        IReadOnlyList<SpeakerTurn> translation,
        IReadOnlyList<AlignedTurn> alignment
    )
    {
        var sourceByIndex = source.ToDictionary(t => t.Index);
        var translationByIndex = translation.ToDictionary(t => t.Index);
        var candidates = alignment
            .Where(a => a.SourceTurn is not null && a.TranslationTurn is not null)
            .Select(a =>
                (
                    S: sourceByIndex[a.SourceTurn!.Value].Speaker.Trim(),
                    T: translationByIndex[a.TranslationTurn!.Value].Speaker.Trim()
                )
            )
            .GroupBy(p => p.S, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
                (
                    Source: g.Key,
                    Total: g.Count(),
                    Best: g.GroupBy(p => p.T, StringComparer.OrdinalIgnoreCase)
                        .OrderByDescending(x => x.Count())
                        .First()
                )
            )
            .Where(c => c.Best.Count() >= 2 && c.Best.Count() * 2 > c.Total)
            .OrderByDescending(c => c.Best.Count());
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in candidates)
            if (taken.Add(c.Best.Key))
                map[c.Source] = c.Best.Key;
        return new SpeakerMapping(map);
    }

    public bool Same(string source, string translation) =>
        TurnAligner.SameSpeaker(source, translation)
        || (
            _map.TryGetValue(source.Trim(), out var mapped)
            && string.Equals(mapped, translation.Trim(), StringComparison.OrdinalIgnoreCase)
        );
}
