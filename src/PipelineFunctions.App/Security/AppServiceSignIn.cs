using System.Security.Claims;
using System.Text.Json;

namespace PipelineFunctions.App.Security;

/// <summary>
/// In Azure: App Service authentication signs people in with Entra ID and hands the app the user in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON of claims), stripping any such header a client sent. App roles
/// arrive as <c>roles</c> claims: a role's name (<c>coder</c>, <c>site-researcher</c>, …) grants it, <c>site.{id}</c>
/// names a site researcher's site and <c>study.{id}</c> a study the user works on, as the local settings do.
/// </summary>
public sealed class AppServiceSignIn : ISignIn
{
    public const string SchemeName = "AppService";
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Where a page sends a person who is not signed in.</summary>
    public const string SignInHeader = "X-Sign-In";

    public string HowToSignIn => "Sign in with your organisation account (Entra ID).";

    public ClaimsPrincipal? Authenticate(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } header && Read(header) is { } identity
            ? new ClaimsPrincipal(identity)
            : null;

    public void Challenge(HttpRequest request, HttpResponse response) =>
        response.Headers[SignInHeader] =
            $"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(request.Headers.Referer.FirstOrDefault() ?? "/")}";

    /// <summary>The principal's name and our role, site and study claims; null when the header is not a principal.</summary>
    public static ClaimsIdentity? Read(string header)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = json.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            var claims = root.GetProperty("claims")
                .EnumerateArray()
                .Select(c =>
                    (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? "")
                )
                .ToList();
            var name = claims
                .FirstOrDefault(c =>
                    c.Type == (nameType ?? ClaimTypes.Name) || c.Type == "preferred_username" || c.Type == "name"
                )
                .Value;
            if (string.IsNullOrEmpty(name))
                return null;
            var result = new List<Claim> { new(ClaimTypes.Name, name) };
            foreach (
                var (_, value) in claims
                    .Where(c => c.Type == (roleType ?? "roles") || c.Type == "roles" || c.Type == ClaimTypes.Role)
                    .Distinct()
            )
            {
                if (value.StartsWith("site.", StringComparison.Ordinal))
                    result.Add(new Claim(Roles.SiteClaim, value[5..]));
                else if (value.StartsWith("study.", StringComparison.Ordinal))
                    result.Add(new Claim(Roles.StudyClaim, value[6..]));
                else
                    result.Add(new Claim(ClaimTypes.Role, value));
            }
            return new ClaimsIdentity(result, SchemeName);
        }
        catch (Exception e)
            when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
