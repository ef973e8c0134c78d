using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Addresses as written in Uganda, Tanzania, Israel, Singapore and India: plots ("Plot 24, Kira Road"), post-office
/// boxes (P.O. Box, S.L.P.), Kiswahili streets and house numbers ("Mtaa wa Likoni", "nyumba namba 45"), transliterated
/// Hebrew streets ("Rehov Herzl 14"), HDB blocks and unit numbers ("Blk 512 … #07-1234"), six-digit postcodes after a
/// town ("Singapore 329178", "Bengaluru, 560001"), and a house number before a road ("221B, MG Road").
/// </summary>
public sealed partial class AddressRecognizer() : PatternRecognizer("ADDRESS", 88)
{
    const string Cap = @"\p{Lu}[\p{L}'’-]*";
    const string Road = @"(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Rd|St|Ave|Nagar|Marg|Layout|Cross)\b";

    public override string Name => "address";
    protected override Regex Pattern => Address();

    [GeneratedRegex(
        @"\bPlot\s+(?:No\.?\s*)?\d+[A-Za-z]?(?:,?\s+(?:" + Cap + @"\s+){1,3}" + Road + ")?" +
        @"|\bP\.?\s?O\.?\s+Box\s+\d+|\bS\.?\s?L\.?\s?P\.?\s+\d+" +
        @"|\bMtaa\s+wa\s+" + Cap + @"|(?<=\b(?i:nyumba)\s+(?i:namba|na\.?|no\.?)\s+)\d+[A-Za-z]?\b" +
        @"|\b(?:Rehov|Rechov|Rehob|Derech|Sderot|Shderot|Simta)\s+" + Cap + @"(?:\s+" + Cap + @"){0,2}\s+\d{1,4}\b" +
        @"|\b(?:Blk|Block)\s+\d{1,4}[A-Za-z]?(?:\s+" + Cap + @"){1,4}(?:\s+\d{1,3}\b)?(?:,?\s*#\d{1,3}-\d{1,5})?|#\d{2}-\d{2,5}\b" +
        @"|\b\d{1,4}\s+(?:Jalan|Jln|Lorong|Lor)\s+" + Cap + @"(?:\s+\d{1,3}\b)?" +
        @"|\b(?:Singapore\s+|\p{Lu}\p{L}+,\s*)[1-9]\d{5}\b" +
        @"|\b\d{1,4}[A-Za-z]?,?\s+(?:" + Cap + @"\s+){1,3}" + Road, RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
