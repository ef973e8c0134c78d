using System.Globalization;
using System.Numerics;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>International bank account numbers (ISO 13616): 15 to 34 letters and digits whose mod-97 is 1.</summary>
public sealed class IbanMod97 : IPatternValidator
{
    public string Name => "iban-mod97";

    public bool IsValid(string value)
    {
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !compact.All(char.IsAsciiLetterOrDigit))
            return false;
        var digits = string.Concat(
            (compact[4..] + compact[..4]).Select(c =>
                char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)
            )
        );
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }
}
