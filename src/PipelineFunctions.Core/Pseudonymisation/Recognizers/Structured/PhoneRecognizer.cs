using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Phone numbers: international <c>+</c> forms, and the national forms of the study countries — Uganda and
/// Tanzania <c>07xx xxx xxx</c>, Germany <c>0171 1234567</c> or <c>030/1234567</c>, Israel <c>054-123-4567</c> or <c>08-623-4410</c>,
/// Singapore <c>9123 4567</c>, Indian mobiles <c>98450 12345</c>. A number must have the digit count of a real one.
/// </summary>
public sealed partial class PhoneRecognizer() : PatternRecognizer("PHONE", 90)
{
    public override string Name => "phone";
    protected override Regex Pattern => Phone();

    protected override bool IsValid(Match m)
    {
        var digits = m.Value.Count(char.IsDigit);
        if (m.Groups["intl"].Success) return digits is >= 8 and <= 15;
        if (m.Groups["sg"].Success) return digits == 8;
        if (m.Groups["in"].Success) return digits == 10;
        return digits is >= 9 and <= 12;
    }

    [GeneratedRegex(@"(?<![\w+])(?:(?<intl>\+\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){1,4}(?:-\d{1,2})?)|(?<national>\(?0\d{1,4}\)?[\s./-]?\d{2,4}(?:[\s.-]?\d{2,4}){0,2}(?:-\d{1,2})?)|(?<sg>(?<!\d[\s-]?)[689]\d{3}[\s-]?\d{4}(?![\s-]?\d))|(?<in>(?<!\d[\s-]?)[6-9]\d{4}[\s-]?\d{5}(?![\s-]?\d)))(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
