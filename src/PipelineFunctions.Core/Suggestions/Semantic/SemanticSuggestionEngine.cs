using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// The default local engine: suggestions by meaning. Passages and codes are embedded by a sentence model on this
/// machine (placeholders read as "someone"/"somewhere"); a <see cref="CodeClassifier"/> starts from likeness to
/// the codes' descriptions (zero-shot) and learns the study's own use of them from coders' decisions. Each passage
/// gets a ranked list of <see cref="SuggestionOptions.Top"/> codes with calibrated confidence, or an explicit
/// abstention; a parent code leads when its children cannot be told apart; every suggestion says why.
/// Suggest may run on several threads at once; Learn must not run beside it (build one engine per study and job).
/// </summary>
public sealed class SemanticSuggestionEngine : ISuggestionEngine
{
    /// <summary>Warm-start steps after new decisions arrive; a full fit takes <see cref="FitIterations"/>.</summary>
    const int LearnIterations = 40,
        FitIterations = 150;

    readonly ISentenceEmbedder _embedder;
    readonly SuggestionOptions _options;
    readonly CodeProfiles _codes;
    readonly CodeClassifier _classifier;
    readonly Dictionary<string, int> _leafIndex;
    readonly List<(CodingDecision Decision, float[] Vector)> _decisions = [];

    /// <summary>Per leaf code, the passages coders gave it (not those they took it off).</summary>
    readonly List<float[]>[] _coded;

    /// <summary>Per leaf code, the mean of <see cref="_coded"/> (null while nobody has coded it).</summary>
    readonly float[]?[] _prototypes;
    readonly SemanticTuning _tuning;
    readonly SemanticEvidence _evidence;
    readonly LocalSuggestionEngine? _lexical;
    readonly double _lexicalWeight;

    public SemanticSuggestionEngine(
        Codebook codebook,
        ISentenceEmbedder embedder,
        IEnumerable<LabelledExample>? examples = null,
        SuggestionOptions? options = null,
        IEnumerable<CodingDecision>? decisions = null,
        SemanticTuning? tuning = null
    )
    {
        _embedder = embedder;
        _options = options ?? SuggestionOptions.Default;
        _codes = new CodeProfiles(codebook, embedder);
        _leafIndex = _codes
            .Leaves.Select((c, i) => (c.Id, i))
            .ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _coded = _codes.Leaves.Select(_ => new List<float[]>()).ToArray();
        _prototypes = new float[]?[_coded.Length];
        _tuning = tuning ?? SemanticTuning.Default;
        _classifier = new CodeClassifier(
            _codes.Leaves.Select(c => _codes.Meaning[c.Id]).ToList(),
            _tuning.PriorScale,
            _tuning.Lambda,
            x => _codes.ZeroShot(x, _tuning)
        );
        _evidence = new SemanticEvidence(_codes);
        var initial = (examples ?? []).Select(CodingDecision.From).Concat(decisions ?? []).ToList();
        Add(initial);
        // Words as an optional extra opinion (off by default: SemanticTuning says why).
        _lexicalWeight = _tuning.LexicalWeight;
        _lexical = _lexicalWeight > 0 ? new LocalSuggestionEngine(codebook, Positives(initial), _options) : null;
        _classifier.Fit(Rows(), FitIterations);
    }

    public string Name => "semantic";

    /// <summary>Coders' decisions the model has learned from.</summary>
    public int DecisionCount => _decisions.Count;

    /// <summary>New decisions (accepted, added, changed, rejected) retrain the model at once, from where it stood.</summary>
    public void Learn(IEnumerable<CodingDecision> decisions)
    {
        var list = decisions.ToList();
        if (Add(list) == 0)
            return;
        _classifier.Fit(Rows(), LearnIterations);
        foreach (var example in _lexical is null ? [] : Positives(list))
            _lexical!.Learn(example);
    }

    public void Learn(LabelledExample example) => Learn([CodingDecision.From(example)]);

    /// <summary>Every leaf code with its confidence, best first (evaluation and tests).</summary>
    public IReadOnlyList<(string CodeId, double Confidence)> Rank(string text)
    {
        var phrases = PassageChunks.Phrases(text);
        var vectors = Embed([text, .. phrases.Count > 1 ? phrases : []]);
        return Ranked(text, vectors[0], phrases.Count > 1 ? vectors.Skip(1).ToList() : [vectors[0]]);
    }

    /// <summary>
    /// Embeds what <see cref="Suggest"/> will embed for these units, through <paramref name="embedder"/> (a cache): it
    /// reads no model state, so it can run before, and beside, what must wait for the engine.
    /// </summary>
    public static void Prepare(ISentenceEmbedder embedder, IReadOnlyList<CodingUnit> units, SuggestionOptions options)
    {
        var (_, _, texts) = Inputs(units, options);
        if (texts.Count > 0)
            embedder.Embed(texts);
    }

    /// <summary>
    /// Each unit with its abstention before any model runs; the phrases of those left; and every text to embed for
    /// them: passages and their phrases (for the evidence) in one call, so the model runs full batches.
    /// </summary>
    static (
        List<(CodingUnit Unit, string? Abstained)> Coded,
        List<IReadOnlyList<string>> Phrases,
        List<string> Texts
    ) Inputs(IReadOnlyList<CodingUnit> units, SuggestionOptions options)
    {
        var coded = units.Select(u => (Unit: u, Abstained: Abstention.Before(u, options))).ToList();
        var open = coded.Where(c => c.Abstained is null).Select(c => c.Unit).ToList();
        var phrases = open.Select(u => PassageChunks.Phrases(u.Text)).ToList();
        List<string> texts = [.. open.Select(u => u.Text), .. phrases.Where(p => p.Count > 1).SelectMany(p => p)];
        return (coded, phrases, texts.Select(Placeholders.Neutralise).ToList());
    }

    public IReadOnlyList<UnitSuggestions> Suggest(IReadOnlyList<CodingUnit> units)
    {
        var (coded, phrases, texts) = Inputs(units, _options);
        var open = coded.Count(c => c.Abstained is null);
        var vectors = texts.Count == 0 ? [] : _embedder.Embed(texts);
        var next = open;
        var results = new List<UnitSuggestions>(units.Count);
        var index = 0;
        foreach (var (unit, abstained) in coded)
        {
            if (abstained is not null)
            {
                results.Add(new UnitSuggestions(unit, [], abstained));
                continue;
            }
            var (vector, unitPhrases) = (vectors[index], phrases[index]);
            index++;
            IReadOnlyList<float[]> phraseVectors =
                unitPhrases.Count > 1
                    ? Enumerable.Range(next, unitPhrases.Count).Select(i => vectors[i]).ToList()
                    : [vector];
            if (unitPhrases.Count > 1)
                next += unitPhrases.Count;
            var why = Abstention.NothingFits(
                _codes.Leaves.Max(c => _codes.Similarity(vector, c.Id)),
                NearestExample(vector)
            );
            if (why is not null)
            {
                results.Add(new UnitSuggestions(unit, [], why));
                continue;
            }
            var ranked = ParentRollup.Apply(Ranked(unit.Text, vector, phraseVectors), _codes, _options.Top);
            results.Add(
                new UnitSuggestions(
                    unit,
                    ranked
                        .Select(r => new CodeSuggestion(
                            r.CodeId,
                            r.Name,
                            Math.Round(r.Confidence, 3),
                            _evidence.For(unitPhrases, phraseVectors, vector, r, Examples(r.CodeId)),
                            Name
                        ))
                        .ToList()
                )
            );
        }
        return results;
    }

    /// <summary>
    /// The passage's opinion, plus <see cref="SemanticTuning.PhraseWeight"/> times its best phrase's for each code, so a
    /// code that one sentence carries is not drowned by the rest of a long answer; then the lexical engine's to a small
    /// power (a product of experts), renormalised.
    /// </summary>
    IReadOnlyList<(string CodeId, double Confidence)> Ranked(
        string text,
        float[] vector,
        IReadOnlyList<float[]> phraseVectors
    )
    {
        var p = Opinion(vector);
        if (phraseVectors.Count > 1 && _tuning.PhraseWeight > 0)
        {
            var phrases = phraseVectors.Select(Opinion).ToList();
            for (var i = 0; i < p.Length; i++)
                p[i] += _tuning.PhraseWeight * phrases.Max(q => q[i]);
            var total = p.Sum();
            for (var i = 0; i < p.Length; i++)
                p[i] /= total;
        }
        if (_lexical is not null)
        {
            var lexical = _lexical.Rank(text).ToDictionary(r => r.CodeId, r => r.Confidence, StringComparer.Ordinal);
            if (lexical.Count > 0)
            {
                for (var i = 0; i < p.Length; i++)
                    p[i] *= Math.Pow(Math.Max(1e-6, lexical.GetValueOrDefault(_codes.Leaves[i].Id)), _lexicalWeight);
                var sum = p.Sum();
                for (var i = 0; i < p.Length; i++)
                    p[i] /= sum;
            }
        }
        // A code nobody has coded yet, in a study that has coded others, earns no more than its description alone does
        // (its zero-shot probability): otherwise a newly added code wins every passage the learned codes are unsure of.
        if (_coded.Any(c => c.Count > 0))
        {
            var alone = _classifier.PriorProbabilities(vector);
            for (var i = 0; i < p.Length; i++)
                if (_coded[i].Count == 0)
                    p[i] = Math.Min(p[i], alone[i]);
        }
        return _codes
            .Leaves.Select((c, i) => (c.Id, p[i]))
            .OrderByDescending(r => r.Item2)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The classifier's probabilities with the nearest coded passage of each code and the mean of its coded passages (its
    /// prototype) joined to the logits (their likeness at the prior's scale, times
    /// <see cref="SemanticTuning.NeighbourWeight"/> and <see cref="SemanticTuning.PrototypeWeight"/>). The classifier
    /// smooths over all of a code's passages; the nearest one keeps a code that was used in more than one way in the
    /// list, and the prototype what its passages share. The code's own description counts as one of its passages, and
    /// as its prototype while nobody has used it, so a new code is not pushed down for that.
    /// </summary>
    double[] Opinion(float[] x)
    {
        var p = _classifier.Probabilities(x);
        if (_tuning.NeighbourWeight == 0 && _tuning.PrototypeWeight == 0 || _coded.All(c => c.Count == 0))
            return p; // zero-shot: the prior as it is
        var z = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var nearest = _codes.Similarity(x, _codes.Leaves[i].Id);
            foreach (var v in _coded[i])
                nearest = Math.Max(nearest, Vectors.Dot(x, v));
            z[i] = Math.Log(Math.Max(1e-12, p[i])) + _tuning.NeighbourWeight * _tuning.PriorScale * nearest;
            var prototype = _prototypes[i] is { } mean
                ? Vectors.Dot(x, mean)
                : _codes.Similarity(x, _codes.Leaves[i].Id);
            z[i] += _tuning.PrototypeWeight * _tuning.PriorScale * prototype;
        }
        var max = z.Max();
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
            sum += z[i] = Math.Exp(z[i] - max);
        for (var i = 0; i < z.Length; i++)
            z[i] /= sum;
        return z;
    }

    double NearestExample(float[] vector) =>
        _decisions
            .Where(d => d.Decision.Kind != CodingDecisionKind.Rejected)
            .Select(d => Vectors.Dot(vector, d.Vector))
            .DefaultIfEmpty(0)
            .Max();

    IEnumerable<(string Text, float[] Vector)> Examples(string codeId) =>
        _decisions
            .Where(d => d.Decision.Kind != CodingDecisionKind.Rejected && d.Decision.CodeId == codeId)
            .Select(d => (d.Decision.Text, d.Vector));

    int Add(IEnumerable<CodingDecision> decisions)
    {
        var known = decisions.Where(d => d.Targets().Any(t => _leafIndex.ContainsKey(t.CodeId))).ToList();
        var vectors = Embed(known.Select(d => d.Text).ToList());
        for (var i = 0; i < known.Count; i++)
        {
            _decisions.Add((known[i], vectors[i]));
            foreach (var (code, positive) in known[i].Targets())
                if (positive && _leafIndex.TryGetValue(code, out var leaf))
                    _coded[leaf].Add(vectors[i]);
        }
        for (var leaf = 0; leaf < _coded.Length; leaf++)
            if (_coded[leaf].Count > 0)
                _prototypes[leaf] = Vectors.Mean(_coded[leaf]);
        return known.Count;
    }

    /// <summary>The lexical engine learns from what a passage is (not from what it is not: it has no counter-examples).</summary>
    IEnumerable<LabelledExample> Positives(IEnumerable<CodingDecision> decisions) =>
        decisions.SelectMany(d =>
            d.Targets()
                .Where(t => t.Positive && _leafIndex.ContainsKey(t.CodeId))
                .Select(t => new LabelledExample(d.Text, t.CodeId))
        );

    List<(float[] X, int Code, bool Positive)> Rows() =>
        _decisions
            .SelectMany(d =>
                d.Decision.Targets()
                    .Where(t => _leafIndex.ContainsKey(t.CodeId))
                    .Select(t => (d.Vector, _leafIndex[t.CodeId], t.Positive))
            )
            .ToList();

    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : _embedder.Embed(texts.Select(Placeholders.Neutralise).ToList());
}
