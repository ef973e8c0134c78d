using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>Web addresses, with or without a scheme; trailing punctuation stays with the sentence.</summary>
public sealed partial class UrlRecognizer() : PatternRecognizer("URL", 109)
{
    public override string Name => "url";
    protected override Regex Pattern => Url();

    [GeneratedRegex(@"(?<value>(?:https?://|www\.)[^\s<>""]*[^\s<>"".,;:!?)\]]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|io|de|il|sg|ug|tz|ke|co\.ug|co\.tz|co\.il|com\.sg|org\.ug|ac\.ug|ac\.tz|ac\.il|edu\.sg)(?:/[^\s<>""]*[^\s<>"".,;:!?)\]])?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
