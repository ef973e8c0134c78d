using System.Globalization;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>A number that starts with its holder's birth date (yyyymmdd, Tanzanian NIDA): a real date since
/// 1900.</summary>
public sealed class BirthDateFirst : IPatternValidator
{
    public string Name => "birth-date-first";

    public bool IsValid(string value) =>
        value.Length >= 8
        && DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        && d.Year >= 1900;
}
