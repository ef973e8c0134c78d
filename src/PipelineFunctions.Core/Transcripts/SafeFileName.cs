namespace PipelineFunctions.Core.Transcripts;

/// <summary>Refuses file names that could escape a folder or hide characters: the name is never used as a path.</summary>
public static class SafeFileName
{
    static readonly string[] Reserved =
    [
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "COM1",
        "COM2",
        "COM3",
        "COM4",
        "LPT1",
        "LPT2",
        "LPT3",
    ];

    public static string Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw Unsafe("The file has no name.");
        if (name.Length > 255)
            throw Unsafe("The file name is longer than 255 characters.");
        if (
            name.Any(c =>
                char.IsControl(c)
                || c is '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'
            )
        )
            throw Unsafe("The file name contains control or direction characters.");
        if (name.Contains('/') || name.Contains('\\') || name.Contains(':'))
            throw Unsafe("The file name contains a path.");
        if (name.Trim('.').Length == 0 || name.StartsWith("..", StringComparison.Ordinal))
            throw Unsafe("The file name is not a plain name.");
        if (Reserved.Contains(Path.GetFileNameWithoutExtension(name).ToUpperInvariant()))
            throw Unsafe("The file name is a reserved device name.");
        return name;
    }

    static TranscriptRejectedException Unsafe(string message) => new(RejectionReason.UnsafeFileName, message);
}
