using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Record, case, file, patient and ward numbers, known by the words that introduce them (in English, German and
/// Kiswahili): "my file number at the hospital is BT/2291/19", "Fallnummer ist 2020-44871", "namba ya faili langu ni
/// MNH 55210", "Ward 12", "Station 4B", "wodi namba 7". Filler words may stand between (any short lower-case word:
/// "ah", "eh", "äh", "sasa"); the number must hold a digit.
/// </summary>
public sealed partial class RecordNumberRecognizer() : PatternRecognizer("ID", 88)
{
    public override string Name => "record-number";
    protected override Regex Pattern => Record();

    [GeneratedRegex(
        @"(?:\b(?i:case|file|record|patient|hospital|admission|registration|inpatient|outpatient|folder|chart|client)[\s-]*(?i:number|no\.?|num|nr\.?|#|id)" +
        @"|\bMRN\b|\b(?:Fallnummer|Aktenzeichen|Patientennummer|Patienten-ID|Versichertennummer|Fall-Nr\.?)" +
        @"|\b(?i:namba\s+ya\s+(?:faili|kadi|mgonjwa|usajili))" +
        @"|\b(?i:ward|bed|wodi|kitanda)(?:\s+(?i:number|no\.?|nr\.?|namba|#))?|\b(?:Station|Zimmer|Bett)(?:\s+(?:Nr\.?|Nummer))?)" +
        @"(?:[\s,:]+(?:(?i:at|the|hospital|clinic|is|was|ist|war|ni|lilikuwa|langu|yangu|lake|my|her|his|also|glaube?|ich|I|think|then)|\p{Ll}{1,4}))*[\s,:#]+" +
        @"(?<value>(?:[A-Z]{1,4}[\s/-]?)?\d[\dA-Za-z/-]*)(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Record();
}
