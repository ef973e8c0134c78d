using System.Collections.Concurrent;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Search;

/// <summary>
/// A transcript's segments by pseudonymised version: a version never changes once written (a correction makes a new
/// one), so searching a study reads each transcript's partition once. Bounded; emptied when full.
/// </summary>
public sealed class SegmentCache(ReviewStore review)
{
    const int MaxTranscripts = 2000;
    readonly ConcurrentDictionary<(string, int), IReadOnlyList<SegmentDocument>> _segments = new();

    public async Task<IReadOnlyList<SegmentDocument>> GetAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        var key = (transcript.Id, transcript.PseudonymVersion);
        if (_segments.TryGetValue(key, out var cached)) return cached;
        var read = (await review.SegmentsAsync(transcript.Id, ct)).OrderBy(s => s.Segment).ToList();
        if (read.Count > 0 && read.All(s => s.PseudonymVersion == transcript.PseudonymVersion))
        {
            if (_segments.Count >= MaxTranscripts) _segments.Clear();
            _segments[key] = read;
        }
        return read;
    }
}
