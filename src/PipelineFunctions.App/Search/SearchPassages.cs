using System.Collections.Concurrent;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Search;

/// <summary>A passage as search reads it, with its text in the form queries match (made once, kept with it).</summary>
public sealed record IndexedPassage(int Segment, string Speaker, string Text, string Searchable)
{
    public static IndexedPassage Of(SearchPassage p) =>
        new(p.Segment, p.Speaker, p.Text, SearchQuery.Searchable(p.Text));
}

/// <summary>
/// What search reads: the study's transcripts ready for coding and their pseudonymised passages from the search index,
/// two single-partition queries however many transcripts. Passages are kept per transcript version (a version never
/// changes; a correction makes a new one), so a later search reads only the transcripts, and the index again only for a
/// version it has not seen. A transcript the index lacks in its current version (pseudonymised before the index
/// existed) is read from its segments and indexed then.
/// </summary>
public sealed class SearchPassages(TranscriptStore transcripts, SearchIndexStore index, ReviewStore review)
{
    /// <summary>Characters of text kept at most (about 300 hour-long interviews; each kept with its searchable
    /// form).</summary>
    const long MaxKeptChars = 20_000_000;
    readonly ConcurrentDictionary<(string Transcript, int Version), IReadOnlyList<IndexedPassage>> _kept = new();
    readonly ConcurrentDictionary<string, bool> _studiesRead = new(StringComparer.Ordinal);
    long _keptChars;

    /// <summary>
    /// Transcripts ready for coding, of the site and language when given, oldest first, each with its passages in
    /// order.
    /// </summary>
    public async Task<List<(TranscriptDocument Transcript, IReadOnlyList<IndexedPassage> Passages)>> ReadyAsync(
        string studyId,
        string? site,
        string? language,
        CancellationToken ct
    )
    {
        var listing = transcripts.ListAsync(studyId, ct);
        // The first search of a study reads its index alongside its transcripts rather than after them.
        var indexed = _studiesRead.ContainsKey(studyId) ? null : index.ListAsync(studyId, null, null, ct);
        var chosen = CodingRules
            .Ready(await listing)
            .Where(t =>
                (string.IsNullOrEmpty(site) || t.SiteId == site)
                && (string.IsNullOrEmpty(language) || t.Language == language)
            )
            .ToList();
        var read =
            indexed is not null ? await indexed
            : chosen.Any(t => !_kept.ContainsKey((t.Id, t.PseudonymVersion)))
                ? await index.ListAsync(studyId, site, language, ct)
            : [];
        foreach (var parts in read.GroupBy(d => (d.TranscriptId, d.PseudonymVersion)))
            if (parts.Count() == parts.First().Parts && !_kept.ContainsKey(parts.Key))
                Keep(
                    parts.Key,
                    parts.OrderBy(d => d.Part).SelectMany(d => d.Passages).Select(IndexedPassage.Of).ToList()
                );
        _studiesRead[studyId] = true;
        var passages = new IReadOnlyList<IndexedPassage>[chosen.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chosen.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) =>
                passages[i] = _kept.TryGetValue((chosen[i].Id, chosen[i].PseudonymVersion), out var kept)
                    ? kept
                    : await IndexAsync(chosen[i], token)
        );
        return chosen.Select((t, i) => (t, passages[i])).ToList();
    }

    async Task<IReadOnlyList<IndexedPassage>> IndexAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        var segments = await review.SegmentsAsync(transcript.Id, ct);
        var passages = SearchDocument
            .For(transcript, segments, transcript.PseudonymVersion)
            .SelectMany(d => d.Passages)
            .Select(IndexedPassage.Of)
            .ToList();
        // Mid-correction the segments may be a version ahead of the transcript: searched, but indexed and kept by the
        // stage's own write.
        if (segments.Count > 0 && segments.All(s => s.PseudonymVersion == transcript.PseudonymVersion))
        {
            await index.WriteAsync(transcript, segments, transcript.PseudonymVersion, ct);
            Keep((transcript.Id, transcript.PseudonymVersion), passages);
        }
        return passages;
    }

    /// <summary>Bounded: emptied when full, as the next search reads the index again.</summary>
    void Keep((string, int) key, IReadOnlyList<IndexedPassage> passages)
    {
        if (_kept.ContainsKey(key))
            return;
        var chars = passages.Sum(p => (long)p.Text.Length);
        if (Interlocked.Add(ref _keptChars, chars) > MaxKeptChars)
        {
            _kept.Clear();
            _studiesRead.Clear();
            Interlocked.Exchange(ref _keptChars, chars);
        }
        _kept[key] = passages;
    }
}
