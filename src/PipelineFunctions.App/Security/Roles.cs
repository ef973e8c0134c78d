namespace PipelineFunctions.App.Security;

/// <summary>The roles of the study team; each endpoint names the ones it admits.</summary>
public static class Roles
{
    public const string SiteResearcher = "site-researcher";
    public const string TranslationLead = "translation-lead";
    public const string Coder = "coder";
    public const string StudyLead = "study-lead";

    /// <summary>Sees metadata only: statuses, counts, failures; never transcript text.</summary>
    public const string Admin = "admin";

    /// <summary>Alone may read the re-identification key.</summary>
    public const string Custodian = "custodian";

    public const string SiteClaim = "site";
    public const string StudyClaim = "study";
}
