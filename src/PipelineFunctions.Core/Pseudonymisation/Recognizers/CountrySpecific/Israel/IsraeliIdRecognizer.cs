using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Israel;

/// <summary>Israeli identity numbers (Teudat Zehut): up to nine digits with a Luhn-style check digit.</summary>
public sealed partial class IsraeliIdRecognizer() : PatternRecognizer("ID", 92)
{
    public override string Name => "il-id";
    protected override Regex Pattern => Id();

    protected override bool IsValid(Match m) => IsValid(m.Value);

    public static bool IsValid(string id)
    {
        var digits = new string(id.Where(char.IsAsciiDigit).ToArray()).PadLeft(9, '0');
        if (digits.Length != 9 || digits.All(c => c == '0')) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![\d+-])\d{8,9}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
