using System.Text.RegularExpressions;

namespace PipelineFunctions.App.Coding;

/// <summary>The role a site writes with a speaker (<c>#9 (PSW)</c>, <c>#9, Kampala, PSW</c>) and the citation a quote carries.</summary>
public static partial class SpeakerCitation
{
    public static string? RoleOf(string speaker)
    {
        var m = Role().Match(speaker);
        return m.Success ? m.Groups["role"].Value : null;
    }

    public static string Of(string speaker, string site, string? role)
    {
        var id = IdPart().Match(speaker) is { Success: true } m ? m.Value.Trim() : speaker;
        return role is null ? $"[{id}, {site}]" : $"[{id}, {site}, {role}]";
    }

    [GeneratedRegex(@"(?:\((?<role>[A-Za-z]{2,10})\)|,\s*(?<role>[A-Z]{2,10})\s*)$")]
    private static partial Regex Role();

    [GeneratedRegex(@"^[^,(]+")]
    private static partial Regex IdPart();
}
