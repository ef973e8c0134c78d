namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>The little vector arithmetic the engine needs; embeddings are short (384), so plain loops are enough.</summary>
public static class Vectors
{
    public static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The normalised mean: a long passage's chunks, or a code's several descriptions, as one direction.</summary>
    public static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var v in vectors)
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i];
        return Normalised(mean);
    }

    public static float[] Normalised(float[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm == 0) return v;
        return v.Select(x => (float)(x / norm)).ToArray();
    }
}
