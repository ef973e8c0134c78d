namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Towns, cities and villages from the GeoNames list (capitalised, as names are written); not a frequent German noun
/// that is also some town's name ("Stelle"): a town after "in", "aus", "nach" is still the context recognizer's.
/// </summary>
public sealed class GazetteerRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    public string Name => "gazetteer";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCapitalised)
                continue;
            var n = TokenRuns.Longest(
                tokens,
                i,
                WordLists.LongestPlace,
                k =>
                    WordLists.Places.Contains(k)
                    && !allowed.Contains(k)
                    && !WordLists.Common.Contains(k)
                    && !WordLists.GermanNouns.Contains(k),
                input.Text
            );
            if (n == 0)
                continue;
            var detection = TokenRuns.Span(tokens, i, n, "PLACE", "", 60, Name);
            yield return detection with
            {
                Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(detection.Start, detection.Length))}",
            };
            i += n - 1;
        }
    }
}
