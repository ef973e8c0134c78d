using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>Social media handles such as <c>@nakato_s</c> (an email's @ is not one: it follows a word).</summary>
public sealed partial class SocialHandleRecognizer() : PatternRecognizer("HANDLE", 108)
{
    public override string Name => "social-handle";
    protected override Regex Pattern => Handle();

    [GeneratedRegex(@"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
