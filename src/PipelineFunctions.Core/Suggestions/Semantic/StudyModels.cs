using System.Collections.Concurrent;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// One trained engine per study, kept for the life of the process (register it as a singleton). Each call hands
/// over all the study's decisions as they stand: those not seen before are learned incrementally (a warm start of a
/// few steps); if one seen before has gone (a coder undid it) or the codebook changed, the engine is rebuilt from all
/// of them. Calls for one study run one at a time, since learning and suggesting share the model.
/// </summary>
public sealed class StudyModels(ISentenceEmbedder embedder, SuggestionOptions? options = null)
{
    sealed class Entry
    {
        public string Version = "";
        public SemanticSuggestionEngine? Engine;
        public HashSet<CodingDecision> Seen = [];
        public string Update = "";
    }

    readonly ConcurrentDictionary<string, Entry> _studies = new(StringComparer.Ordinal);
    // Codebook versions whose texts are embedded (in the embedder's cache) or being embedded: one run per version, so a
    // build waits for a preparation under way instead of embedding the same texts beside it.
    readonly ConcurrentDictionary<string, Lazy<bool>> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Embeds the codebook's texts ahead of the study's first suggestion (the pipeline calls it when a transcript
    /// arrives), so the engine's build later finds them cached; on a fresh start that is most of the first build.
    /// </summary>
    public void Prepare(Codebook codebook) => _ = _prepared.GetOrAdd(codebook.Version(), version => new Lazy<bool>(() =>
    {
        _ = new CodeProfiles(codebook, embedder);
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>How the last call for the study got its engine: "built", "learned N" or "as it was" (for logs and tests).</summary>
    public string LastUpdate(string studyId) => _studies.TryGetValue(studyId, out var entry) ? entry.Update : "";

    public IReadOnlyList<UnitSuggestions> Suggest(string studyId, Codebook codebook, IReadOnlyCollection<CodingDecision> decisions, IReadOnlyList<CodingUnit> units)
    {
        var entry = _studies.GetOrAdd(studyId, _ => new Entry());
        lock (entry)
        {
            var version = codebook.Version();
            var current = decisions.ToHashSet();
            if (entry.Engine is null || entry.Version != version || !entry.Seen.IsSubsetOf(current))
            {
                Prepare(codebook);
                entry.Engine = new SemanticSuggestionEngine(codebook, embedder, [], options, current);
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
