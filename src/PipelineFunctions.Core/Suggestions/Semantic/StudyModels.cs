using System.Collections.Concurrent;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// One trained engine per study, kept for the life of the process (register it as a singleton). Each call hands
/// over all the study's decisions as they stand: those not seen before are learned incrementally (a warm start of a
/// few steps); if one seen before has gone (a coder undid it) or the codebook changed, the engine is rebuilt from all
/// of them. Calls for one study run one at a time, since learning and suggesting share the model; what takes long
/// (embedding the passages) is done before the call waits its turn, into the cache the engine reads, so a long
/// interview does not hold up the short ones behind it.
/// </summary>
public sealed class StudyModels(ISentenceEmbedder embedder, SuggestionOptions? options = null)
{
    // Passages embedded before the lock are read back inside it: a cache is what carries them across.
    readonly ISentenceEmbedder _embedder = embedder as EmbeddingCache ?? new EmbeddingCache(embedder);
    readonly SuggestionOptions _options = options ?? SuggestionOptions.Default;

    sealed class Entry
    {
        public string Version = "";
        public SemanticSuggestionEngine? Engine;
        public HashSet<CodingDecision> Seen = [];
        public string Update = "";
    }

    readonly ConcurrentDictionary<string, Entry> _studies = new(StringComparer.Ordinal);

    /// <summary>How the last call for the study got its engine: "built", "learned N" or "as it was" (for logs and tests).</summary>
    public string LastUpdate(string studyId) => _studies.TryGetValue(studyId, out var entry) ? entry.Update : "";

    /// <summary>Embeds the units' passages now (no lock: it reads no model), so <see cref="Suggest"/> finds them cached.</summary>
    public void Prepare(IReadOnlyList<CodingUnit> units) =>
        SemanticSuggestionEngine.Prepare(_embedder, units, _options);

    public IReadOnlyList<UnitSuggestions> Suggest(
        string studyId,
        Codebook codebook,
        IReadOnlyCollection<CodingDecision> decisions,
        IReadOnlyList<CodingUnit> units
    )
    {
        Prepare(units);
        var entry = _studies.GetOrAdd(studyId, _ => new Entry());
        lock (entry)
        {
            var version = codebook.Version();
            var current = decisions.ToHashSet();
            if (entry.Engine is null || entry.Version != version || !entry.Seen.IsSubsetOf(current))
            {
                entry.Engine = new SemanticSuggestionEngine(codebook, _embedder, [], _options, current);
                entry.Version = version;
                entry.Update = "built";
            }
            else
            {
                var fresh = current.Where(d => !entry.Seen.Contains(d)).ToList();
                entry.Engine.Learn(fresh);
                entry.Update = fresh.Count == 0 ? "as it was" : $"learned {fresh.Count}";
            }
            entry.Seen = current;
            return entry.Engine.Suggest(units);
        }
    }
}
