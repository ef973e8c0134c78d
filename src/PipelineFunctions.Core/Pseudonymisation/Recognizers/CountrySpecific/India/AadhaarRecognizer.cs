using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.India;

/// <summary>
/// Indian Aadhaar numbers: twelve digits (often 4-4-4), not starting with 0 or 1, the last a Verhoeff check digit.
/// A twelve-digit reference whose check fails is not an ID.
/// </summary>
public sealed partial class AadhaarRecognizer() : PatternRecognizer("ID", 92)
{
    static readonly int[,] D =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    static readonly int[,] P =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    public override string Name => "in-aadhaar";
    protected override Regex Pattern => Aadhaar();

    protected override bool IsValid(Match m) => IsValid(m.Value);

    public static bool IsValid(string id)
    {
        var digits = id.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length != 12 || digits[0] < '2') return false;
        var c = 0;
        for (var i = 0; i < 12; i++) c = D[c, P[i % 8, digits[11 - i] - '0']];
        return c == 0;
    }

    [GeneratedRegex(@"(?<![\d+-])[2-9]\d{3}\s?\d{4}\s?\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Aadhaar();
}
