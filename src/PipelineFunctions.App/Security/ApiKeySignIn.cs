using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using PipelineFunctions.App.Settings;

namespace PipelineFunctions.App.Security;

/// <summary>
/// Local sign-in: each user from settings has an API key, sent as <c>X-Api-Key</c> (scripts and the pages alike).
/// In Azure, App Service authentication and Entra ID app roles take this place.
/// </summary>
public sealed class ApiKeySignIn(PipelineSettings settings) : ISignIn
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    public string HowToSignIn => "Sign in with your API key (header X-Api-Key).";

    public ClaimsPrincipal? Authenticate(HttpRequest request)
    {
        var presented = request.Headers[Header].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
            return null;
        var user = settings.Users.FirstOrDefault(u =>
            u.ApiKey.Length > 0
            && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(u.ApiKey),
                Encoding.UTF8.GetBytes(presented)
            )
        );
        if (user is null)
            return null;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(user.Sites.Select(s => new Claim(Roles.SiteClaim, s)));
        claims.AddRange(user.Studies.Select(s => new Claim(Roles.StudyClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    public void Challenge(HttpRequest request, HttpResponse response) { }
}
