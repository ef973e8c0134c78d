namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>Israeli identity numbers (Teudat Zehut): nine digits, zero-padded, with a Luhn-style check digit.</summary>
public sealed class IsraeliIdCheckDigit : IPatternValidator
{
    public string Name => "il-id-check-digit";

    public bool IsValid(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]).PadLeft(9, '0');
        if (digits.Length != 9 || digits.All(c => c == '0'))
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }
}
