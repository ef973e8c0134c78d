namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// What a transcript is, for comparing across sites: where it was made, in which language, and what kind of interview
/// (<c>individual</c>, <c>focus group</c>, <c>follow-up</c>, …). Each transcript carries these as its own variable
/// values, and each of its participants' cases too.
/// </summary>
public sealed record TranscriptAttributes(
    string? Site = null,
    string? Country = null,
    string? Language = null,
    string? InterviewType = null
)
{
    /// <summary>A transcript's attributes from its values as read from a project (missing ones stay null).</summary>
    public static TranscriptAttributes From(IReadOnlyDictionary<string, string>? values) =>
        new(
            values?.GetValueOrDefault(StudyVariables.Site),
            values?.GetValueOrDefault(StudyVariables.Country),
            values?.GetValueOrDefault(StudyVariables.Language),
            values?.GetValueOrDefault(StudyVariables.InterviewType)
        );

    /// <summary>The values that are set, by <see cref="StudyVariables"/> name.</summary>
    public IReadOnlyDictionary<string, string> Values()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                values[name] = value.Trim();
        }
        Set(StudyVariables.Site, Site);
        Set(StudyVariables.Country, Country);
        Set(StudyVariables.Language, Language);
        Set(StudyVariables.InterviewType, InterviewType);
        return values;
    }
}
