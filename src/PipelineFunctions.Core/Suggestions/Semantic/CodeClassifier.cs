namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Multinomial logistic regression on passage embeddings whose weights start at the zero-shot prior (each code's
/// description vector times <see cref="PriorScale"/>) and are pulled back to it by an L2 penalty of strength
/// <see cref="Lambda"/>. With no coded passages it is exactly the zero-shot ranking; each coded passage moves it
/// further toward the study's own use of the codes, so the prior fades as examples accumulate, with no blend
/// weight to hand-tune. A rejected code is a counter-example (loss −log(1 − p)).
/// </summary>
public sealed class CodeClassifier
{
    readonly float[][] _prior;
    readonly Func<float[], double[]>? _priorScores;
    readonly float[][] _delta;
    readonly double[] _bias;

    /// <param name="priorScores">
    /// The zero-shot likeness of a passage to each code, when it is more than the dot product with the code's vector
    /// (its facets, its parent): the prior's logits are these times <paramref name="priorScale"/>.
    /// </param>
    public CodeClassifier(
        IReadOnlyList<float[]> codeVectors,
        double priorScale,
        double lambda,
        Func<float[], double[]>? priorScores = null
    )
    {
        _prior = [.. codeVectors];
        _priorScores = priorScores;
        _delta = codeVectors.Select(v => new float[v.Length]).ToArray();
        _bias = new double[codeVectors.Count];
        PriorScale = priorScale;
        Lambda = lambda;
    }

    public double PriorScale { get; }
    public double Lambda { get; }

    public double[] Probabilities(float[] x) => Softmax(Logits(x, PriorLogits(x)));

    /// <summary>The zero-shot ranking alone: what the codes' descriptions say, before any coded passage.</summary>
    public double[] PriorProbabilities(float[] x) => Softmax(PriorLogits(x));

    /// <summary>
    /// Gradient descent with momentum from the current weights: a full fit from zero, or a few more steps after new
    /// decisions (warm start), which is how the engine learns incrementally.
    /// </summary>
    public void Fit(IReadOnlyList<(float[] X, int Code, bool Positive)> rows, int iterations = 150)
    {
        if (rows.Count == 0)
            return;
        // The loss is a sum over rows, so the penalty counts like Lambda pseudo-passages of prior; its curvature is at
        // most rows/2 + Lambda for unit-length inputs, which sets a safe step.
        var step = 1.0 / (0.5 * rows.Count + Lambda);
        var k = _prior.Length;
        var priorLogits = rows.Select(r => PriorLogits(r.X)).ToArray(); // fixed: computed once, not per step
        var velocityD = _delta.Select(d => new float[d.Length]).ToArray();
        var velocityB = new double[k];
        var gradD = _delta.Select(d => new float[d.Length]).ToArray();
        var gradB = new double[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            for (var c = 0; c < k; c++)
            {
                Array.Clear(gradD[c]);
                Vectors.AddScaled(gradD[c], _delta[c], (float)Lambda);
                gradB[c] = Lambda * _bias[c];
            }
            for (var r = 0; r < rows.Count; r++)
            {
                var (x, code, positive) = rows[r];
                var p = Softmax(Logits(x, priorLogits[r]));
                for (var c = 0; c < k; c++)
                {
                    // d/dz_c of −log p_y is p_c − [c = y]; of −log(1 − p_y) it is p_y ([c = y] − p_c) / (1 − p_y).
                    var g = positive
                        ? p[c] - (c == code ? 1 : 0)
                        : p[code] * ((c == code ? 1 : 0) - p[c]) / Math.Max(1e-9, 1 - p[code]);
                    gradB[c] += g;
                    Vectors.AddScaled(gradD[c], x, (float)g);
                }
            }
            for (var c = 0; c < k; c++)
            {
                velocityB[c] = 0.9 * velocityB[c] - step * gradB[c];
                _bias[c] += velocityB[c];
                // v = 0.9 v − step g; w += v
                Scale(velocityD[c], 0.9f);
                Vectors.AddScaled(velocityD[c], gradD[c], (float)-step);
                Vectors.AddScaled(_delta[c], velocityD[c], 1);
            }
        }
    }

    double[] PriorLogits(float[] x) =>
        _priorScores is null
            ? _prior.Select(e => PriorScale * Vectors.Dot(x, e)).ToArray()
            : _priorScores(x).Select(s => PriorScale * s).ToArray();

    double[] Logits(float[] x, double[] prior)
    {
        var z = new double[_prior.Length];
        for (var c = 0; c < z.Length; c++)
            z[c] = prior[c] + _bias[c] + Vectors.Dot(x, _delta[c]);
        return z;
    }

    static void Scale(float[] v, float factor)
    {
        for (var i = 0; i < v.Length; i++)
            v[i] *= factor;
    }

    static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
