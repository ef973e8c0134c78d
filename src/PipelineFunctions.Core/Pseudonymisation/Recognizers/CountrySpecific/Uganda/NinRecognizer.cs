using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Uganda;

/// <summary>
/// Ugandan National Identification Numbers: CM (male) or CF (female) and twelve letters and digits, the first two
/// digits the birth year ("CM90012345ABCD"). No public check digit, so the shape must be exact: digits and letters both.
/// </summary>
public sealed partial class NinRecognizer() : PatternRecognizer("ID", 92)
{
    public override string Name => "ug-nin";
    protected override Regex Pattern => Nin();

    protected override bool IsValid(Match m) => m.Value[2..].Count(char.IsAsciiDigit) >= 4 && m.Value[2..].Any(char.IsAsciiLetter);

    [GeneratedRegex(@"\bC[MF]\d{2}[0-9A-Z]{10}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Nin();
}
