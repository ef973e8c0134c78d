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
    readonly double[][] _delta;
    readonly double[] _bias;
    readonly int _dimensions;

    public CodeClassifier(IReadOnlyList<float[]> codeVectors, double priorScale, double lambda)
    {
        _prior = [.. codeVectors];
        _dimensions = codeVectors[0].Length;
        _delta = codeVectors.Select(_ => new double[_dimensions]).ToArray();
        _bias = new double[codeVectors.Count];
        PriorScale = priorScale;
        Lambda = lambda;
    }

    public double PriorScale { get; }
    public double Lambda { get; }

    /// <summary>Training rows seen by the last fit.</summary>
    public int Trained { get; private set; }

    public double[] Probabilities(float[] x)
    {
        var z = new double[_prior.Length];
        for (var c = 0; c < z.Length; c++)
        {
            var sum = PriorScale * Vectors.Dot(x, _prior[c]) + _bias[c];
            var d = _delta[c];
            for (var j = 0; j < _dimensions; j++) sum += x[j] * d[j];
            z[c] = sum;
        }
        return Softmax(z);
    }

    /// <summary>
    /// Gradient descent with momentum from the current weights: a full fit from zero, or a few more steps after new
    /// decisions (warm start), which is how the engine learns incrementally.
    /// </summary>
    public void Fit(IReadOnlyList<(float[] X, int Code, bool Positive)> rows, int iterations = 150)
    {
        Trained = rows.Count;
        if (rows.Count == 0) return;
        // The loss is a sum over rows, so the penalty counts like Lambda pseudo-passages of prior; its curvature is at
        // most rows/2 + Lambda for unit-length inputs, which sets a safe step.
        var step = 1.0 / (0.5 * rows.Count + Lambda);
        var k = _prior.Length;
        var velocityD = _delta.Select(_ => new double[_dimensions]).ToArray();
        var velocityB = new double[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradD = _delta.Select(d => d.Select(v => Lambda * v).ToArray()).ToArray();
            var gradB = _bias.Select(b => Lambda * b).ToArray();
            foreach (var (x, code, positive) in rows)
            {
                var p = Probabilities(x);
                for (var c = 0; c < k; c++)
                {
                    // d/dz_c of −log p_y is p_c − [c = y]; of −log(1 − p_y) it is p_y ([c = y] − p_c) / (1 − p_y).
                    var g = positive ? p[c] - (c == code ? 1 : 0) : p[code] * ((c == code ? 1 : 0) - p[c]) / Math.Max(1e-9, 1 - p[code]);
                    if (g == 0) continue;
                    gradB[c] += g;
                    var row = gradD[c];
                    for (var j = 0; j < _dimensions; j++) row[j] += g * x[j];
                }
            }
            for (var c = 0; c < k; c++)
            {
                velocityB[c] = 0.9 * velocityB[c] - step * gradB[c];
                _bias[c] += velocityB[c];
                for (var j = 0; j < _dimensions; j++)
                {
                    velocityD[c][j] = 0.9 * velocityD[c][j] - step * gradD[c][j];
                    _delta[c][j] += velocityD[c][j];
                }
            }
        }
    }

    static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
