using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>Email addresses.</summary>
public sealed partial class EmailRecognizer() : PatternRecognizer("EMAIL", 110)
{
    public override string Name => "email";
    protected override Regex Pattern => Email();

    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
