using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// What each code means, as vectors: its name and definition with its parent for context, its inclusion notes and
/// examples averaged in; exclusion notes kept apart, since "not this" must push away rather than attract.
/// </summary>
public sealed class CodeProfiles
{
    public CodeProfiles(Codebook codebook, ISentenceEmbedder embedder)
    {
        var parents = codebook
            .Codes.Where(c => c.Parent is not null)
            .Select(c => c.Parent!)
            .ToHashSet(StringComparer.Ordinal);
        Leaves = codebook.Codes.Where(c => !parents.Contains(c.Id)).ToList();
        Parents = codebook.Codes.Where(c => parents.Contains(c.Id)).ToList();
        var all = Leaves.Concat(Parents).ToList();
        var texts = all.Select(c => Texts(codebook, c)).ToList();
        var vectors = embedder.EmbedQueries(texts.SelectMany(t => t).ToList());
        var next = 0;
        for (var i = 0; i < all.Count; i++)
        {
            Meaning[all[i].Id] = Vectors.Mean(Enumerable.Range(next, texts[i].Count).Select(j => vectors[j]).ToList());
            next += texts[i].Count;
        }
        // The definition's own phrases, so a reason can say which part of it a passage matches.
        var parts = all.Select(c => PassageChunks.Phrases(c.Definition)).ToList();
        var partVectors = embedder.EmbedQueries(parts.SelectMany(p => p).Select(Placeholders.Neutralise).ToList());
        next = 0;
        for (var i = 0; i < all.Count; i++)
        {
            DefinitionPhrases[all[i].Id] = parts[i].Select((text, j) => (text, partVectors[next + j])).ToList();
            next += parts[i].Count;
        }
        // Each facet on its own (the name, each definition phrase and side, inclusion notes, examples): a passage may
        // say one of them plainly and nothing of the rest. The name is read with its parent's ("Unclear role
        // (Barriers)"): alone it is so short that its topic ("role") outweighs which side of the codebook it is on.
        var names = embedder.EmbedQueries(all.Select(c => c.Name + ParentContext(codebook, c)).ToList());
        var sides = all.Select(c => PassageChunks.Sides(c.Definition)).ToList();
        var sideVectors = embedder.EmbedQueries(sides.SelectMany(p => p).ToList());
        next = 0;
        for (var i = 0; i < all.Count; i++)
        {
            Facets[all[i].Id] =
            [
                names[i],
                .. DefinitionPhrases[all[i].Id].Select(p => p.Vector),
                .. sideVectors.Skip(next).Take(sides[i].Count),
                .. Enumerable.Range(0, texts[i].Count - 1).Select(j => vectors[Start(texts, i) + 1 + j]),
            ];
            next += sides[i].Count;
        }
        var exclusions = all.Where(c => !string.IsNullOrWhiteSpace(c.Exclusion)).ToList();
        if (exclusions.Count > 0)
        {
            var excluded = embedder.EmbedQueries(exclusions.Select(c => c.Exclusion!).ToList());
            for (var i = 0; i < exclusions.Count; i++)
                Meaning[exclusions[i].Id] = Meaning[exclusions[i].Id]
                    .Zip(excluded[i], (m, e) => m - 0.5f * e)
                    .ToArray();
        }
    }

    /// <summary>The codes a passage is coded with; parents are offered only when their children cannot be told apart.</summary>
    public IReadOnlyList<Code> Leaves { get; }

    public IReadOnlyList<Code> Parents { get; }

    /// <summary>
    /// The code's meaning: description, inclusion notes and examples together, less half of what it excludes (a
    /// linear term, so the classifier can start from it as its prior).
    /// </summary>
    public Dictionary<string, float[]> Meaning { get; } = new(StringComparer.Ordinal);

    /// <summary>The definition's phrases (its sentences, long ones cut at commas) with their vectors.</summary>
    public Dictionary<string, IReadOnlyList<(string Text, float[] Vector)>> DefinitionPhrases { get; } =
        new(StringComparer.Ordinal);

    /// <summary>Each code's facets: its name, its definition's phrases and sides, its inclusion notes and examples.</summary>
    public Dictionary<string, IReadOnlyList<float[]>> Facets { get; } = new(StringComparer.Ordinal);

    /// <summary>Zero-shot likeness of a passage to a code.</summary>
    public double Similarity(float[] passage, string codeId) => Vectors.Dot(passage, Meaning[codeId]);

    /// <summary>
    /// The zero-shot score of a passage for each leaf, in <see cref="Leaves"/> order: its likeness to the code's whole
    /// meaning, moved toward its likeness to the code's best-matching facet (<see cref="SemanticTuning.FacetWeight"/>),
    /// plus a share of its likeness to the code's parent (<see cref="SemanticTuning.ParentWeight"/>).
    /// </summary>
    public double[] ZeroShot(float[] passage, SemanticTuning tuning)
    {
        var scores = new double[Leaves.Count];
        for (var i = 0; i < Leaves.Count; i++)
        {
            var code = Leaves[i];
            var whole = Vectors.Dot(passage, Meaning[code.Id]);
            var facet = tuning.FacetWeight == 0 ? whole : Facets[code.Id].Max(f => Vectors.Dot(passage, f));
            scores[i] = (1 - tuning.FacetWeight) * whole + tuning.FacetWeight * facet;
            if (tuning.ParentWeight != 0 && code.Parent is { } parent && Meaning.TryGetValue(parent, out var p))
                scores[i] += tuning.ParentWeight * Vectors.Dot(passage, p);
        }
        return scores;
    }

    static int Start(List<List<string>> texts, int i) => texts.Take(i).Sum(t => t.Count);

    static string ParentContext(Codebook codebook, Code code) =>
        code.Parent is not null && codebook.Find(code.Parent) is { } parent ? $" ({parent.Name})" : "";

    static List<string> Texts(Codebook codebook, Code code)
    {
        // Tried on dev: adding the definition alone ranked 4 more of 98 passages first zero-shot but 2 fewer few-shot.
        var texts = new List<string> { $"{code.Name}: {code.Definition}{ParentContext(codebook, code)}" };
        if (!string.IsNullOrWhiteSpace(code.Inclusion))
            texts.Add(code.Inclusion);
        texts.AddRange((code.Examples ?? []).Where(e => !string.IsNullOrWhiteSpace(e)));
        return texts;
    }
}
