using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Germany;

/// <summary>
/// German identity card and passport numbers: nine characters of the document alphabet (no vowels but none of
/// A E I O U B D Q S) starting with a letter, and the check digit (weights 7, 3, 1) that follows them when written in
/// full ("L01X00T471", "C01X00T478"). Without the check digit a number is taken only after its cue (RecordNumberRecognizer).
/// </summary>
public sealed partial class IdDocumentRecognizer() : PatternRecognizer("ID", 92)
{
    public override string Name => "de-id-document";
    protected override Regex Pattern => Document();

    protected override bool IsValid(Match m) => IsValid(m.Value);

    public static bool IsValid(string number)
    {
        if (number.Length != 10 || !number.Any(char.IsAsciiDigit)) return false;
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = number[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * weights[i % 3];
        }
        return sum % 10 == number[9] - '0';
    }

    [GeneratedRegex(@"\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex Document();
}
