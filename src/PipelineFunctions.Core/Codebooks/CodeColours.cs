using System.Globalization;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Codebooks;

/// <summary>
/// A colour fixed per code: a code that has none when its codebook is stored gets the first colour of the palette no
/// other code holds (cycling once all are taken), so a code keeps its colour across versions, pages and coders.
/// </summary>
public static partial class CodeColours
{
    /// <summary>Light fills with AA contrast for dark text, neighbours differing in hue (as the coding stripes use them).</summary>
    public static readonly IReadOnlyList<string> Palette =
    [
        "#d7e8ff",
        "#ffe1c2",
        "#d9f2d0",
        "#f6d5f0",
        "#fff1a8",
        "#d4f1f1",
        "#ead9ff",
        "#f9d6d5",
        "#e4e4c8",
        "#d0e0d8",
        "#c8d8f0",
        "#f0dcc8",
    ];

    public static bool IsColour(string? value) => value is not null && Hex().IsMatch(value);

    /// <summary>
    /// A colour as another tool wrote it, as ours (<c>#rrggbb</c>), or null. Read leniently: <c>#RGB</c> widens; eight
    /// digits carry an alpha channel, dropped — <c>#AARRGGBB</c> (the Windows and NVivo order) unless the first pair is
    /// not opaque and the last is (<c>#RRGGBBAA</c>, the CSS order). Anything else is no colour.
    /// </summary>
    public static string? Read(string? value)
    {
        var hex = value?.Trim().TrimStart('#') ?? "";
        if (!hex.All(char.IsAsciiHexDigit))
            return null;
        hex = hex.Length switch
        {
            6 => hex,
            3 => string.Concat(hex.Select(c => $"{c}{c}")),
            8 when !Opaque(hex[..2]) && Opaque(hex[6..]) => hex[..6],
            8 => hex[2..],
            _ => "",
        };
        return hex.Length == 6 ? "#" + hex.ToLowerInvariant() : null;
    }

    /// <summary>REFI-QDA's form, <c>#RRGGBB</c> (the schema's pattern), or null when there is no colour.</summary>
    public static string? Refi(string? colour) => Read(colour)?.ToUpperInvariant();

    /// <summary>A new version's codes without a colour keep the one the same code had: a re-imported file that carries
    /// no colours does not recolour the codebook.</summary>
    public static Codebook Keep(Codebook next, Codebook? previous) =>
        previous is null
            ? next
            : next with
            {
                Codes =
                [
                    .. next.Codes.Select(c =>
                        IsColour(c.Colour) || previous.Find(c.Id)?.Colour is not { } kept ? c : c with { Colour = kept }
                    ),
                ],
            };

    static bool Opaque(string pair) => int.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture) == 0xFF;

    /// <summary>The codebook with every code coloured; colours already held are kept (lower-cased).</summary>
    public static Codebook Fill(Codebook codebook)
    {
        var taken = codebook
            .Codes.Where(c => IsColour(c.Colour))
            .Select(c => c.Colour!.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var free = new Queue<string>(Palette.Where(p => !taken.Contains(p)));
        var next = 0;
        string Pick() => free.Count > 0 ? free.Dequeue() : Palette[next++ % Palette.Count];
        return codebook with
        {
            Codes =
            [
                .. codebook.Codes.Select(c =>
                    c with
                    {
                        Colour = IsColour(c.Colour) ? c.Colour!.ToLowerInvariant() : Pick(),
                    }
                ),
            ],
        };
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Hex();
}
