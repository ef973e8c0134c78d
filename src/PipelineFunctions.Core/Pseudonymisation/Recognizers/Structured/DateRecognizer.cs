using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Full dates (day, month and year, in figures or words, in English, German and Kiswahili) and dates of birth
/// (a day and month after "born" or "birthday"). A weekday, a month or a year alone stays.
/// </summary>
public sealed partial class DateRecognizer() : PatternRecognizer("DATE", 85)
{
    const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
        + "|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Januari|Februari|Machi|Aprili|Mei|Julai|Agosti|Septemba|Oktoba|Novemba|Desemba";

    public override string Name => "date";
    protected override Regex Pattern => Date();

    [GeneratedRegex(
        @"\b(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)?\d{2}(?!\d)" +
        @"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" +
        @"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?:" + Months + @")\.?,?\s+(?:19|20)\d{2}" +
        @"|(?:" + Months + @")\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}" +
        @"|(?<=\b(?:born|birthday|tarehe ya kuzaliwa|geboren)\b[^.\n]{0,12})(?:(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?:" + Months + @")|(?:" + Months + @")\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
