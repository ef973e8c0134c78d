using System.Numerics;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>International bank account numbers (IBAN), spaced or not, with a valid ISO 13616 mod-97 checksum.</summary>
public sealed partial class IbanRecognizer() : PatternRecognizer("ID", 93)
{
    public override string Name => "iban";
    protected override Regex Pattern => Iban();

    protected override bool IsValid(Match m) => IsValid(m.Value);

    public static bool IsValid(string iban)
    {
        var compact = new string(iban.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !compact.All(char.IsAsciiLetterOrDigit)) return false;
        var digits = string.Concat((compact[4..] + compact[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();
}
