using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PipelineFunctions.App.Language;

/// <summary>Puts the key on every request; reading it each time lets a rotated key take effect at once.</summary>
sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", credential.Key);
}
