using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>
/// The local engine; no text leaves the machine. Zero-shot: BM25 of the passage's stems against each leaf code's
/// name (weighted), definition, inclusion notes, examples and parent, with a bonus for phrases of the code's name.
/// Few-shot: the nearest coded passages (cosine of tf-idf vectors) by code. The two become distributions over the
/// codes, mixed so that coded examples count for more as they accumulate; a temperature fitted on the examples
/// (leave-one-out) calibrates the confidence, and codes below the abstain threshold are not suggested.
/// Every suggestion carries the words, phrases or nearest coded passage that drove it.
/// </summary>
public sealed class LocalSuggestionEngine : ISuggestionEngine
{
    const double K1 = 1.2,
        B = 0.75,
        GramWeight = 6.0,
        ZeroShotTemperature = 0.8,
        FewShotTemperature = 0.08;

    readonly Codebook _codebook;
    readonly SuggestionOptions _options;
    readonly List<Code> _leaves;
    readonly Dictionary<string, Dictionary<string, int>> _codeTerms = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<string>> _namePhrases = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, double>> _codeGrams = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    readonly List<(LabelledExample Example, TermVector Vector)> _examples = [];
    int _documents;
    double _averageCodeLength;

    public LocalSuggestionEngine(
        Codebook codebook,
        IEnumerable<LabelledExample>? examples = null,
        SuggestionOptions? options = null
    )
    {
        _codebook = codebook;
        _options = options ?? SuggestionOptions.Default;
        var parents = codebook
            .Codes.Where(c => c.Parent is not null)
            .Select(c => c.Parent!)
            .ToHashSet(StringComparer.Ordinal);
        _leaves = codebook.Codes.Where(c => !parents.Contains(c.Id)).ToList();
        foreach (var code in _leaves)
        {
            var parent = code.Parent is null ? null : codebook.Find(code.Parent);
            var text = string.Join(
                ' ',
                Enumerable
                    .Repeat(code.Name, 3)
                    .Append(code.Definition)
                    .Append(code.Inclusion ?? "")
                    .Concat(code.Examples ?? [])
                    .Append(parent?.Name ?? "")
            );
            var stems = PassageAnalyzer.Stems(text);
            _codeTerms[code.Id] = Tally(stems);
            _namePhrases[code.Id] = Bigrams(PassageAnalyzer.Stems(code.Name)).ToList();
            _codeGrams[code.Id] = CharacterGrams.Of(stems);
            Count(stems);
        }
        _averageCodeLength = _codeTerms.Values.Average(t => t.Values.Sum());
        var known = _leaves.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var accepted = (examples ?? []).Where(e => known.Contains(e.CodeId)).ToList();
        foreach (var e in accepted)
            Count(PassageAnalyzer.Stems(e.Text));
        foreach (var e in accepted)
            _examples.Add((e, Vector(e.Text)));
        Temperature = Calibrate();
    }

    public string Name => "local";

    /// <summary>The fitted confidence temperature (1 when too few examples to fit one).</summary>
    public double Temperature { get; private set; }

    public int ExampleCount => _examples.Count;

    /// <summary>A coder's decision arrives: it joins the examples at once. Calibration is refitted on the next engine build.</summary>
    public void Learn(LabelledExample example)
    {
        if (!_codeTerms.ContainsKey(example.CodeId))
            return;
        Count(PassageAnalyzer.Stems(example.Text));
        _examples.Add((example, Vector(example.Text)));
    }

    public IReadOnlyList<UnitSuggestions> Suggest(IReadOnlyList<CodingUnit> units) => Suggest(units, null);

    /// <param name="keyPhrases">Key phrases per segment from a service the study allowed: they weigh their words again.</param>
    public IReadOnlyList<UnitSuggestions> Suggest(
        IReadOnlyList<CodingUnit> units,
        IReadOnlyDictionary<int, IReadOnlyList<string>>? keyPhrases
    ) =>
        units
            .Select(u => new UnitSuggestions(
                u,
                u.IsInterviewer && !_options.CodeInterviewer
                    ? []
                    : SuggestFor(u.Text, keyPhrases?.GetValueOrDefault(u.Segment) ?? [])
            ))
            .ToList();

    /// <summary>Every leaf code with its confidence, best first, for evaluation.</summary>
    public IReadOnlyList<(string CodeId, double Confidence)> Rank(string text) =>
        Score(text, exclude: null).Select(s => (s.Code.Id, s.Probability)).ToList();

    IReadOnlyList<CodeSuggestion> SuggestFor(string text, IReadOnlyList<string> keyPhrases) =>
        Score(keyPhrases.Count == 0 ? text : $"{text}\n{string.Join(". ", keyPhrases)}", exclude: null)
            .Where(s => s.Probability >= _options.AbstainBelow && s.Evidence.Count > 0)
            .Take(_options.Top)
            .Select(s => new CodeSuggestion(
                s.Code.Id,
                s.Code.Name,
                Math.Round(s.Probability, 3),
                [.. s.Evidence, .. PhraseEvidence(s.Code, keyPhrases)],
                Name
            ))
            .ToList();

    IEnumerable<string> PhraseEvidence(Code code, IReadOnlyList<string> keyPhrases)
    {
        var matching = keyPhrases.Where(p => PassageAnalyzer.Stems(p).Any(_codeTerms[code.Id].ContainsKey)).ToList();
        if (matching.Count > 0)
            yield return $"key phrases: {string.Join(", ", matching.Take(3))}";
    }

    List<(Code Code, double Probability, List<string> Evidence)> Score(
        string text,
        LabelledExample? exclude,
        double? temperature = null
    )
    {
        var analyzed = PassageAnalyzer.Analyze(text);
        var stems = analyzed.Select(a => a.Stem).ToList();
        if (stems.Count == 0)
            return [];
        var unique = stems.Distinct(StringComparer.Ordinal).ToList();
        var bigrams = Bigrams(stems).ToHashSet(StringComparer.Ordinal);

        var zeroShot = new double[_leaves.Count];
        var fewShot = new double[_leaves.Count];
        var nearest = new (LabelledExample? Example, double Similarity)[_leaves.Count];
        var vector = new TermVector(stems, Idf);
        var grams = CharacterGrams.Of(stems);
        for (var i = 0; i < _leaves.Count; i++)
        {
            var terms = _codeTerms[_leaves[i].Id];
            var length = terms.Values.Sum();
            foreach (var t in unique)
                if (terms.TryGetValue(t, out var tf))
                    zeroShot[i] += Idf(t) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageCodeLength));
            zeroShot[i] += _namePhrases[_leaves[i].Id].Count(bigrams.Contains) * 2.0;
            // Shared letter sequences catch kin words that stemming leaves apart ("hostile", "hostility").
            zeroShot[i] += GramWeight * CharacterGrams.Cosine(grams, _codeGrams[_leaves[i].Id]);

            var similar = _examples
                .Where(e => e.Example.CodeId == _leaves[i].Id && !ReferenceEquals(e.Example, exclude))
                .Select(e => (e.Example, Similarity: e.Vector.Cosine(vector)))
                .OrderByDescending(e => e.Similarity)
                .Take(3)
                .ToList();
            if (similar.Count > 0)
            {
                fewShot[i] = similar.Average(s => s.Similarity);
                nearest[i] = (similar[0].Example, similar[0].Similarity);
            }
        }

        var examples = _examples.Count - (exclude is null ? 0 : 1);
        // Coded examples weigh more as they accumulate: half the say once there are about two per code.
        var fewShotWeight = examples == 0 ? 0 : examples / (examples + 2.0 * _leaves.Count);
        var mixed = Softmax(zeroShot, ZeroShotTemperature);
        if (fewShotWeight > 0)
        {
            var nearestCodes = Softmax(fewShot, FewShotTemperature);
            mixed = mixed.Select((p, i) => (1 - fewShotWeight) * p + fewShotWeight * nearestCodes[i]).ToArray();
        }
        var calibrated = Sharpen(mixed, temperature ?? Temperature);
        if (zeroShot.All(z => z == 0) && examples == 0)
            return [];

        return _leaves
            .Select(
                (code, i) =>
                    (
                        Code: code,
                        Probability: calibrated[i],
                        Evidence: Evidence(code, analyzed, bigrams, nearest[i], zeroShot[i])
                    )
            )
            .OrderByDescending(s => s.Probability)
            .ThenBy(s => s.Code.Id, StringComparer.Ordinal)
            .ToList();
    }

    List<string> Evidence(
        Code code,
        List<(string Stem, string Word)> analyzed,
        HashSet<string> bigrams,
        (LabelledExample? Example, double Similarity) nearest,
        double zeroShot
    )
    {
        var evidence = new List<string>();
        var terms = _codeTerms[code.Id];
        foreach (var phrase in _namePhrases[code.Id].Where(bigrams.Contains).Distinct())
            evidence.Add($"phrase: \"{Surface(analyzed, phrase)}\"");
        if (zeroShot > 0)
        {
            var words = analyzed
                .Where(a => terms.ContainsKey(a.Stem) && !PassageAnalyzer.IsFunctionWord(a.Word))
                .GroupBy(a => a.Stem)
                .OrderByDescending(g => Idf(g.Key))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(4)
                .Select(g => g.First().Word.ToLowerInvariant());
            var list = string.Join(", ", words);
            if (list.Length > 0)
                evidence.Add($"words: {list}");
        }
        if (nearest.Example is { } e && nearest.Similarity > 0.1)
            evidence.Add($"like a passage coded {code.Name}: \"{(e.Text.Length > 80 ? e.Text[..80] + "…" : e.Text)}\"");
        return evidence;
    }

    static string Surface(List<(string Stem, string Word)> analyzed, string phrase)
    {
        var parts = phrase.Split(' ');
        for (var i = 0; i + 1 < analyzed.Count; i++)
            if (analyzed[i].Stem == parts[0] && analyzed[i + 1].Stem == parts[1])
                return $"{analyzed[i].Word} {analyzed[i + 1].Word}".ToLowerInvariant();
        return phrase;
    }

    /// <summary>Picks the temperature that best predicts each example's code from all the others (least log loss).</summary>
    double Calibrate()
    {
        if (_examples.Count < 2 * _leaves.Count)
            return 1;
        var sample = _examples.Where((_, i) => i % Math.Max(1, _examples.Count / 60) == 0).ToList();
        var predictions = sample
            .Select(e => (e.Example.CodeId, Scores: Score(e.Example.Text, e.Example, 1.0)))
            .ToList();
        double Loss(double t) =>
            predictions.Sum(p =>
            {
                var sharpened = Sharpen(
                    _leaves.Select(c => p.Scores.FirstOrDefault(s => s.Code.Id == c.Id).Probability).ToArray(),
                    t
                );
                var index = _leaves.FindIndex(c => c.Id == p.CodeId);
                return -Math.Log(Math.Max(1e-9, sharpened[index]));
            });
        return new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0 }.MinBy(Loss);
    }

    static double[] Softmax(double[] scores, double temperature)
    {
        var max = scores.Max();
        var e = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        var sum = e.Sum();
        return e.Select(x => x / sum).ToArray();
    }

    static double[] Sharpen(double[] p, double temperature)
    {
        if (Math.Abs(temperature - 1) < 1e-9)
            return p;
        var powered = p.Select(x => Math.Pow(Math.Max(x, 1e-12), 1 / temperature)).ToArray();
        var sum = powered.Sum();
        return powered.Select(x => x / sum).ToArray();
    }

    TermVector Vector(string text) => new(PassageAnalyzer.Stems(text), Idf);

    double Idf(string stem) =>
        Math.Log(
            1
                + (_documents - _documentFrequency.GetValueOrDefault(stem) + 0.5)
                    / (_documentFrequency.GetValueOrDefault(stem) + 0.5)
        );

    void Count(IEnumerable<string> stems)
    {
        _documents++;
        foreach (var s in stems.Distinct(StringComparer.Ordinal))
            _documentFrequency[s] = _documentFrequency.GetValueOrDefault(s) + 1;
    }

    static Dictionary<string, int> Tally(IEnumerable<string> stems) =>
        stems.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    static IEnumerable<string> Bigrams(IReadOnlyList<string> stems)
    {
        for (var i = 0; i + 1 < stems.Count; i++)
            yield return $"{stems[i]} {stems[i + 1]}";
    }
}
