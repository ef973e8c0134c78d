using System.Globalization;

namespace PipelineFunctions.Core.Limits;

/// <summary>
/// How long what people type may be, with the message that says so in their words (never quoting the text). A memo
/// is a page or two (a 208,000-character one made the side panel 121,000 px tall); a code name is a label, its
/// meaning goes in the definition; a comment or an answer to one is a paragraph or a few.
/// </summary>
public static class TextLimits
{
    public const int Memo = 10_000,
        CodeName = 100,
        CodeDefinition = 2_000,
        FreeText = 4_000;

    /// <summary>Null when the memo fits; otherwise why not.</summary>
    public static string? CheckMemo(string? text) =>
        Over(text, Memo) is { } n
            ? $"A memo can be up to {Memo.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has {n}. Shorten it, or split it into several memos."
            : null;

    public static string? CheckCodeName(string? name) =>
        Over(name?.Trim(), CodeName) is { } n
            ? $"A code name can be up to {CodeName} characters; this one has {n}. Keep the name short and put the rest in its definition."
            : null;

    public static string? CheckCodeDefinition(string? definition) =>
        Over(definition?.Trim(), CodeDefinition) is { } n
            ? $"A code's definition can be up to {CodeDefinition.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has {n}."
            : null;

    /// <param name="what">What the text is, as the sentence starts: "A comment", "An answer".</param>
    public static string? CheckFreeText(string what, string? text) =>
        Over(text, FreeText) is { } n
            ? $"{what} can be up to {FreeText.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has {n}. Shorten it, or make it two."
            : null;

    /// <summary>The length as a message shows it (in characters people count: code points), when over the limit.</summary>
    static string? Over(string? text, int limit)
    {
        if (text is null || text.Length <= limit)
            return null;
        var characters = text.EnumerateRunes().Count();
        return characters <= limit ? null : characters.ToString("N0", CultureInfo.InvariantCulture);
    }
}
