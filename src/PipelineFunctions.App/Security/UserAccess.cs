using System.Security.Claims;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Security;

public static class UserAccess
{
    /// <summary>Site researchers see their own sites' transcripts; the study-wide roles see all of a study's.</summary>
    public static bool CanSee(this ClaimsPrincipal user, TranscriptDocument transcript) =>
        user.IsInRole(Roles.StudyLead)
        || user.IsInRole(Roles.Admin)
        || user.IsInRole(Roles.Coder)
        || user.IsInRole(Roles.TranslationLead)
        || user.IsInRole(Roles.Custodian)
        || user.HasSite(transcript.SiteId);

    /// <summary>The site's check (the original beside the pseudonymised text): the uploading site's researchers and the custodian only.</summary>
    public static bool CanCheck(this ClaimsPrincipal user, TranscriptDocument transcript) =>
        user.IsInRole(Roles.Custodian) || user.HasSite(transcript.SiteId);

    public static bool HasSite(this ClaimsPrincipal user, string siteId) =>
        user.IsInRole(Roles.SiteResearcher) && user.HasClaim(Roles.SiteClaim, siteId);

    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static bool MayReachStudy(this ClaimsPrincipal user, string studyId) =>
        !user.HasClaim(c => c.Type == Roles.StudyClaim) || user.HasClaim(Roles.StudyClaim, studyId);
}
