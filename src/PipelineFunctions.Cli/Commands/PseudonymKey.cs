namespace PipelineFunctions.Cli.Commands;

/// <summary>The study key from an environment variable (base64 or hex, at least 16 bytes); there is no default key.</summary>
static class PseudonymKey
{
    public const string DefaultVariable = "PSEUDONYM_KEY";

    /// <summary>The key, or null with a message that names the variable (never its value).</summary>
    public static byte[]? FromEnvironment(string variable, out string? problem)
    {
        problem = null;
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } text)
        {
            problem = $"set the key in the environment variable {variable} (base64 or hex, at least 16 bytes).";
            return null;
        }
        if (Parse(text) is { Length: >= 16 } key)
            return key;
        problem = $"the key in {variable} is not base64 or hex of at least 16 bytes.";
        return null;
    }

    static byte[]? Parse(string text)
    {
        try
        {
            return text.Length % 2 == 0 && text.All(Uri.IsHexDigit)
                ? Convert.FromHexString(text)
                : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
