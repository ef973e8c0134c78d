namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// Singapore NRIC and FIN: prefix S/T/F/G/M, seven digits, check letter. Weights 2-7-6-5-4-3-2; T and G add 4, M
/// adds 3; the remainder mod 11 picks the letter from JZIHGFEDCBA (S/T), XWUTRQPNMLK (F/G) or, counted from the
/// end, XWUTRQPNJLK (M).
/// </summary>
public sealed class NricCheckLetter : IPatternValidator
{
    static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2];

    public string Name => "sg-nric-check-letter";

    public bool IsValid(string value)
    {
        var id = value.ToUpperInvariant();
        if (id.Length != 9 || !"STFGM".Contains(id[0]) || !id[1..8].All(char.IsAsciiDigit))
            return false;
        var sum =
            Weights.Select((w, i) => w * (id[i + 1] - '0')).Sum()
            + id[0] switch
            {
                'T' or 'G' => 4,
                'M' => 3,
                _ => 0,
            };
        var remainder = sum % 11;
        var expected = id[0] switch
        {
            'S' or 'T' => "JZIHGFEDCBA"[remainder],
            'F' or 'G' => "XWUTRQPNMLK"[remainder],
            _ => "XWUTRQPNJLK"[10 - remainder],
        };
        return id[8] == expected;
    }
}
