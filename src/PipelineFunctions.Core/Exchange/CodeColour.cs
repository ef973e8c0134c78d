using System.Globalization;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Code colours as the schema wants them, <c>#RRGGBB</c>. Read leniently: <c>#RGB</c> widens; eight digits carry an
/// alpha channel, dropped — <c>#AARRGGBB</c> (the Windows and NVivo order) unless the first pair is not opaque and
/// the last is (<c>#RRGGBBAA</c>, the CSS order). Anything else is no colour.
/// </summary>
public static class CodeColour
{
    public static string? Read(string? value)
    {
        var hex = value?.Trim().TrimStart('#') ?? "";
        if (!hex.All(char.IsAsciiHexDigit)) return null;
        hex = hex.Length switch
        {
            6 => hex,
            3 => string.Concat(hex.Select(c => $"{c}{c}")),
            8 when !Opaque(hex[..2]) && Opaque(hex[6..]) => hex[..6],
            8 => hex[2..],
            _ => null,
        } ?? "";
        return hex.Length == 6 ? "#" + hex.ToUpperInvariant() : null;
    }

    static bool Opaque(string pair) => int.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture) == 0xFF;
}
