namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Two models as one: each text's vectors side by side, each weighted so the whole stays unit-length, so a dot
/// product is the weighted mean of the two models' cosines. Two models trained apart err apart; their mean is steadier
/// on a study neither was tuned on.
/// </summary>
public sealed class CombinedEmbedder(ISentenceEmbedder first, ISentenceEmbedder second, double firstWeight = 0.5)
    : ISentenceEmbedder
{
    readonly float _a = (float)Math.Sqrt(firstWeight),
        _b = (float)Math.Sqrt(1 - firstWeight);

    public int Dimensions => first.Dimensions + second.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts) => Join(first.Embed(texts), second.Embed(texts));

    public IReadOnlyList<float[]> EmbedQueries(IReadOnlyList<string> texts) =>
        Join(first.EmbedQueries(texts), second.EmbedQueries(texts));

    IReadOnlyList<float[]> Join(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y)
    {
        return x.Select(
                (v, i) =>
                {
                    var joined = new float[v.Length + y[i].Length];
                    for (var j = 0; j < v.Length; j++)
                        joined[j] = _a * v[j];
                    for (var j = 0; j < y[i].Length; j++)
                        joined[v.Length + j] = _b * y[i][j];
                    return joined;
                }
            )
            .ToList();
    }
}
