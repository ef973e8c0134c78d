using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Tests.Access;

/// <summary>Every HTTP function of the built app, read from its attributes, against every role and study
/// scope.</summary>
public sealed class AccessTests
{
    static readonly string[] AllRoles =
    [
        Roles.SiteResearcher,
        Roles.TranslationLead,
        Roles.Coder,
        Roles.StudyLead,
        Roles.Admin,
        Roles.Custodian,
    ];

    static ClaimsPrincipal User(string role, params string[] studies) =>
        new(
            new ClaimsIdentity(
                [
                    new(ClaimTypes.Name, $"{role}-user"),
                    new(ClaimTypes.Role, role),
                    .. studies.Select(s => new Claim(Roles.StudyClaim, s)),
                ],
                "test"
            )
        );

    static int? Refused(FunctionPolicy policy, ClaimsPrincipal user, string? study = "study-1") =>
        Authorisation.Refusal(policy, user, policy.RouteParameters.Contains("studyId") ? study : null)
            is IStatusCodeHttpResult r
            ? r.StatusCode
            : null;

    public static TheoryData<string, string> EndpointsByRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in FunctionPolicy.All.Keys.Order())
        foreach (var role in AllRoles)
            data.Add(function, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointsByRole))]
    public void A_role_reaches_an_endpoint_exactly_when_the_endpoint_names_it(string function, string role)
    {
        var policy = FunctionPolicy.All[function];
        var admitted = policy.Anonymous || policy.Roles is { Count: 0 } || policy.Roles?.Contains(role) == true;
        Assert.Equal(admitted ? null : 403, Refused(policy, User(role)));
    }

    [Theory]
    [MemberData(nameof(EndpointsByRole))]
    public void A_user_of_another_study_is_refused_every_endpoint_of_this_one(string function, string role)
    {
        var policy = FunctionPolicy.All[function];
        if (policy.Anonymous || !policy.RouteParameters.Contains("studyId"))
            return;
        // Positive control: the same role scoped to this study is refused only for its role, if at all.
        var here = Refused(policy, User(role, "study-1"));
        var elsewhere = Refused(policy, User(role, "another-study"));
        Assert.Equal(403, elsewhere);
        Assert.Equal(here, Refused(policy, User(role)));
    }

    [Fact]
    public void Every_function_but_the_pages_names_its_roles()
    {
        Assert.All(FunctionPolicy.All.Values.Where(p => !p.Anonymous), p => Assert.NotNull(p.Roles));
        Assert.Equal(["Pages"], FunctionPolicy.All.Values.Where(p => p.Anonymous).Select(p => p.Name));
    }

    [Fact]
    public void The_app_has_the_http_functions_its_api_documents()
    {
        Assert.True(FunctionPolicy.All.Count > 40, $"{FunctionPolicy.All.Count} HTTP functions");
        Assert.All(FunctionPolicy.All.Values.Where(p => !p.Anonymous), p => Assert.StartsWith("api/", p.Route));
    }

    [Fact]
    public void Only_the_custodian_reads_the_re_identification_key_and_every_read_is_audited()
    {
        var key = Assert.Single(FunctionPolicy.All.Values, p => p.Route.EndsWith("/key", StringComparison.Ordinal));
        Assert.Equal([Roles.Custodian], key.Roles);
        Assert.NotNull(key.Audit);
    }

    [Fact]
    public void Only_admins_read_the_status_and_admins_and_the_custodian_the_audit_log()
    {
        Assert.Equal([Roles.Admin], Single("api/admin/status").Roles);
        Assert.Equal([Roles.Admin, Roles.Custodian], Single("api/studies/{studyId}/audit").Roles!.Order());
    }

    [Fact]
    public void Site_researchers_and_the_study_lead_upload()
    {
        var upload = Assert.Single(
            FunctionPolicy.All.Values,
            p => p.Route == "api/studies/{studyId}/transcripts" && p.Audit is not null
        );
        Assert.Equal([Roles.SiteResearcher, Roles.StudyLead], upload.Roles!.Order());
    }

    [Fact]
    public void Every_audited_endpoint_names_a_study_to_audit_under()
    {
        Assert.All(
            FunctionPolicy.All.Values.Where(p => p.Audit is not null),
            p => Assert.Contains("studyId", p.RouteParameters)
        );
    }

    [Fact]
    public void A_refusal_names_the_role_the_endpoint_asks_for()
    {
        var refusal = Authorisation.Refusal(Single("api/admin/status"), User(Roles.Coder), null);
        Assert.Contains(Roles.Admin, Assert.IsAssignableFrom<IProblem>(refusal).Details.Detail);
    }

    [Fact]
    public void A_function_that_names_no_roles_is_refused_to_everyone()
    {
        var unnamed = new FunctionPolicy("Unnamed", "api/x", Anonymous: false, Roles: null, Audit: null, []);
        Assert.All(AllRoles, role => Assert.Equal(403, Refused(unnamed, User(role))));
    }

    static FunctionPolicy Single(string route) =>
        FunctionPolicy.All.Values.Single(p => p.Route == route && p.Name != "Pages");

    [Fact]
    public void The_transcript_reads_and_choices_site_researchers_may_make_are_scoped_by_site()
    {
        Assert.Equal(
            ["CodeInOriginal", "GetPseudonymised", "GetSiteCheck", "GetTranscript", "ReleaseSiteCheck"],
            FunctionPolicy.All.Values.Where(p => p.SiteScoped).Select(p => p.Name).Order()
        );
        Assert.All(
            FunctionPolicy.All.Values.Where(p => p.SiteScoped),
            p => Assert.Contains("transcriptId", p.RouteParameters)
        );
    }

    [Fact]
    public void Only_the_site_and_the_custodian_reach_the_site_s_check_and_its_reads_and_releases_are_audited()
    {
        var check = FunctionPolicy
            .All.Values.Where(p => p.Route.Contains("site-check", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, check.Count);
        Assert.All(check, p => Assert.Equal([Roles.Custodian, Roles.SiteResearcher], p.Roles!.Order()));
        Assert.All(
            check.Where(p => p.Route.Contains("{transcriptId}", StringComparison.Ordinal)),
            p => Assert.NotNull(p.Audit)
        );
    }

    [Fact]
    public void The_built_functions_metadata_lists_exactly_the_http_functions_the_attributes_declare()
    {
        var metadata = System
            .Text.Json.Nodes.JsonNode.Parse(
                File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))
            )!
            .AsArray();
        var http = metadata
            .Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger"))
            .Select(f => (string)f!["name"]!);
        Assert.Equal(FunctionPolicy.All.Keys.Order(), http.Order());
    }
}
