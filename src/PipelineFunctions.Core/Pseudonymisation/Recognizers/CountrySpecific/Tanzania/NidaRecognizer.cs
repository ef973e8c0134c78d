using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Tanzania;

/// <summary>
/// Tanzanian national ID (NIDA) numbers: twenty digits, usually 8-5-5-2 with dashes, the first eight the holder's birth
/// date (yyyymmdd), which must be a real date.
/// </summary>
public sealed partial class NidaRecognizer() : PatternRecognizer("ID", 92)
{
    public override string Name => "tz-nida";
    protected override Regex Pattern => Nida();

    protected override bool IsValid(Match m) =>
        DateOnly.TryParseExact(m.Value[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
        && d.Year >= 1900;

    [GeneratedRegex(@"(?<![\d-])\d{8}-?\d{5}-?\d{5}-?\d{2}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Nida();
}
