using System.Security.Claims;

namespace PipelineFunctions.App.Security;

/// <summary>How a deployment signs people in: one scheme per deployment, API keys locally or App Service in Azure.</summary>
public interface ISignIn
{
    /// <summary>The user the request carries, or null when it carries none or one that is not valid.</summary>
    ClaimsPrincipal? Authenticate(HttpRequest request);

    /// <summary>What a page needs to know to sign someone in, set on a 401 answer.</summary>
    void Challenge(HttpRequest request, HttpResponse response);

    /// <summary>In words, for the 401 answer: what to present.</summary>
    string HowToSignIn { get; }
}
