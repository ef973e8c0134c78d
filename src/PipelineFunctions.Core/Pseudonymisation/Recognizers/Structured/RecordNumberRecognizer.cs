using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Record, case, file, patient, insurance, account, document and ward numbers, known by the words that introduce them
/// in English, German and Kiswahili, whatever the number's format: "my file number at the hospital is BT/2291/19",
/// "IP number 4471/23", "UHID KLA-88213", "Fallnummer ist 2020-44871", "namba ya faili langu ni MNH 55210",
/// "Ausweisnummer L01X00T47", "Kennzeichen UL-AB 123", "Ward 12", "wodi namba 7". Filler words may stand between (any
/// short lower-case word: "ah", "eh", "äh", "sasa"); the number must hold a digit.
/// </summary>
public sealed partial class RecordNumberRecognizer() : PatternRecognizer("ID", 88)
{
    public override string Name => "record-number";
    protected override Regex Pattern => Record();

    [GeneratedRegex(
        @"(?:\b(?i:case|file|record|patient|hospital|admission|registration|reg|inpatient|outpatient|folder|chart|client|member|membership|insurance|policy|account|card|passport|licen[cs]e|driving licen[cs]e|voter|employee|staff|student|reference|ref|appointment|referral|study|participant|national id|id card|identity card|plate|number plate|registration plate|vehicle|car|bank account|mobile money|till|paybill)[\s-]*(?i:number|no\.?|num|nr\.?|#|id|code)" +
        @"|\b(?:IP|OP|OPD|IPD|CR|NHIF|NIN|NIDA|NRIC|FIN|PAN|TIN)[\s-]*(?i:number|no\.?|num|nr\.?|#)|\b(?:MRN|UHID|UHID-Nr|ID|IP-No|Aadhaar|Kennzeichen|IBAN)\b" +
        @"|\b(?:Fallnummer|Aktenzeichen|Patientennummer|Patienten-ID|Versichertennummer|Versicherungsnummer|Krankenversicherungsnummer|Kontonummer|Ausweisnummer|Passnummer|Reisepassnummer|Personalausweisnummer|Personalausweis|Reisepass|Steuernummer|Sozialversicherungsnummer|Rentenversicherungsnummer|Kundennummer|Mitgliedsnummer|Fall-Nr\.?|Akten-Nr\.?|Pat\.-Nr\.?|Zimmernummer|Hausnummer|Autokennzeichen|Nummernschild)" +
        @"|\b(?i:namba\s+ya\s+(?:faili|kadi|mgonjwa|usajili|kitambulisho|NIDA|bima|akaunti|pasipoti|kliniki|hospitali|rufaa|gari|chumba|nyumba|leseni))|\b(?i:kitambulisho)" +
        @"|\b(?i:ward|bed|wodi|kitanda|room|house|building|block)(?:\s+(?i:number|no\.?|nr\.?|namba|#))?|\b(?:Station|Zimmer|Bett|Haus|Gebäude)(?:\s+(?:Nr\.?|Nummer))?)" +
        @"(?:[\s,:]+(?:(?i:at|the|hospital|clinic|is|was|ist|war|lautet|ni|lilikuwa|langu|yangu|lake|yake|my|her|his|its|also|glaube?|ich|I|think|then|number|namba|nummer)|\p{Ll}{1,4}))*[\s,:#.]+" +
        @"(?<value>(?:[A-Z]{1,4}[\s/-]?){0,2}\d[\dA-Za-z/.-]*(?:[ ][A-Z\d]{1,5}\b(?![ ]\p{Ll}))?)(?<![./-])(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Record();
}
