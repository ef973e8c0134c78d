namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// German tax identification numbers (Steuer-IdNr): eleven digits, no leading zero, one digit of the first ten
/// repeated two or three times, and an ISO 7064 MOD 11,10 check digit.
/// </summary>
public sealed class GermanTaxIdCheckDigit : IPatternValidator
{
    public string Name => "de-tax-id-check-digit";

    public bool IsValid(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (digits.Length != 11 || digits[0] == '0')
            return false;
        var counts = digits[..10].GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count(c => c > 1) != 1 || counts.Max() > 3)
            return false;
        var product = 10;
        foreach (var c in digits[..10])
        {
            var sum = (c - '0' + product) % 10;
            if (sum == 0)
                sum = 10;
            product = sum * 2 % 11;
        }
        var check = 11 - product;
        return (check == 10 ? 0 : check) == digits[10] - '0';
    }
}
