using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// A compiled pattern: what it matches (its <c>value</c> group, else all of it) that passes its checks. The validator
/// reads the <c>check</c> group when there is one (a postcode's town), else the value.
/// </summary>
public sealed class IdentifierPattern(
    string id,
    Regex regex,
    IPatternValidator? validator,
    IReadOnlyList<DigitBound> digits
)
{
    public string Id => id;

    public IEnumerable<Group> Find(string text)
    {
        foreach (Match m in regex.Matches(text))
        {
            var value = m.Groups["value"].Success ? m.Groups["value"] : m.Groups[0];
            var check = m.Groups["check"].Success ? m.Groups["check"].Value : value.Value;
            if (HasDigits(m, value.Value) && validator?.IsValid(check) != false)
                yield return value;
        }
    }

    /// <summary>The first bound whose group matched decides (a phone's digit count depends on its form).</summary>
    bool HasDigits(Match m, string value)
    {
        foreach (var bound in digits)
        {
            if (!m.Groups[bound.Group].Success)
                continue;
            var count = value.Count(char.IsAsciiDigit);
            return count >= bound.Min && count <= bound.Max;
        }
        return true;
    }
}
