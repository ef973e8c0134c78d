using System.Text.RegularExpressions;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// The worker's stderr, mostly an unhandled exception's dump, whose message can carry research data. Kept: stack frames
/// (code locations only) and the exception's type; everything else is withheld.
/// </summary>
public static partial class WorkerErrorOutput
{
    public static string Redact(string line)
    {
        var trimmed = line.TrimStart();
        if (
            trimmed.StartsWith("at ", StringComparison.Ordinal)
            || trimmed.StartsWith("--- End of", StringComparison.Ordinal)
        )
            return line;
        var type = ExceptionType().Match(line);
        return type.Success
            ? $"{type.Groups[1].Value}{type.Groups[2].Value} (message withheld)"
            : "(worker error output withheld)";
    }

    [GeneratedRegex(@"^(Unhandled exception\. |\s*---> )?([A-Za-z_][\w.`]*(?:Exception|Error))\b")]
    private static partial Regex ExceptionType();
}
