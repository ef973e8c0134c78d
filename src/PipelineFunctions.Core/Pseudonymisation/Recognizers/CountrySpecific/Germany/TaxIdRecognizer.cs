using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Germany;

/// <summary>
/// German tax identification numbers (Steuer-IdNr): eleven digits, no leading zero, one digit of the first ten
/// repeated two or three times, and an ISO 7064 MOD 11,10 check digit.
/// </summary>
public sealed partial class TaxIdRecognizer() : PatternRecognizer("ID", 92)
{
    public override string Name => "de-tax-id";
    protected override Regex Pattern => TaxId();

    protected override bool IsValid(Match m) => IsValid(m.Value);

    public static bool IsValid(string id)
    {
        var digits = new string(id.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 11 || digits[0] == '0') return false;
        var counts = digits[..10].GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count(c => c > 1) != 1 || counts.Max() > 3) return false;
        var product = 10;
        foreach (var c in digits[..10])
        {
            var sum = (c - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = sum * 2 % 11;
        }
        var check = 11 - product;
        return (check == 10 ? 0 : check) == digits[10] - '0';
    }

    [GeneratedRegex(@"(?<![\d+-])\d{2}\s?\d{3}\s?\d{3}\s?\d{3}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex TaxId();
}
