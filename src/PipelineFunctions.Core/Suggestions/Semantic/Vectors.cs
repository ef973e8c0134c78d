using System.Numerics;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>The little vector arithmetic the engine needs, in SIMD lanes: training runs these millions of times.</summary>
public static class Vectors
{
    public static double Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        double total = Vector.Dot(sum, Vector<float>.One);
        for (; i < a.Length; i++)
            total += a[i] * b[i];
        return total;
    }

    /// <summary>target += scale × x.</summary>
    public static void AddScaled(float[] target, float[] x, float scale)
    {
        var s = new Vector<float>(scale);
        var i = 0;
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(target, i) + s * new Vector<float>(x, i)).CopyTo(target, i);
        for (; i < target.Length; i++)
            target[i] += scale * x[i];
    }

    /// <summary>The normalised mean: a long passage's chunks, or a code's several descriptions, as one direction.</summary>
    public static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var v in vectors)
            AddScaled(mean, v, 1);
        return Normalised(mean);
    }

    public static float[] Normalised(float[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm == 0)
            return v;
        return v.Select(x => (float)(x / norm)).ToArray();
    }
}
