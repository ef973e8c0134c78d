namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// The variables a multi-site study compares by, named as analysts see them in NVivo, ATLAS.ti and MAXQDA. Every export
/// declares all of them, set or not, so a study's spreadsheets and classifications always have the same columns.
/// </summary>
public static class StudyVariables
{
    public const string Site = "Site";
    public const string Country = "Country";
    public const string Language = "Language";
    public const string Role = "Role";
    public const string InterviewType = "Interview type";

    public static IReadOnlyList<QdaVariable> All { get; } =
    [
        new(Site, QdaVariableType.Text, "The study site the transcript comes from."),
        new(Country, QdaVariableType.Text, "The country of the site."),
        new(Language, QdaVariableType.Text, "The language of the transcript (ISO 639-1 code)."),
        new(Role, QdaVariableType.Text, "The participant's role: peer worker, staff, service user, carer or other."),
        new(InterviewType, QdaVariableType.Text, "The kind of interview: individual, focus group, follow-up, …"),
    ];

    /// <summary>A role as the variable's value.</summary>
    public static string RoleValue(ParticipantRole role) =>
        role switch
        {
            ParticipantRole.PeerWorker => "peer worker",
            ParticipantRole.Staff => "staff",
            ParticipantRole.ServiceUser => "service user",
            ParticipantRole.Carer => "carer",
            _ => "other",
        };

    /// <summary>A role from a value as written above, or as an enum name (<c>PeerWorker</c>); null for anything else.</summary>
    public static ParticipantRole? ParseRole(string? value)
    {
        var wanted = (value ?? "").Replace(" ", "").Replace("-", "").Replace("_", "");
        return Enum.GetValues<ParticipantRole>()
            .Select(r => (ParticipantRole?)r)
            .FirstOrDefault(r => string.Equals(r.ToString(), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
