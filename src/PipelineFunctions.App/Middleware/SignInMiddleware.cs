using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Middleware;

/// <summary>Signs the caller in (<see cref="ISignIn"/>: API keys locally, App Service's principal in Azure), or answers
/// 401.</summary>
public sealed class SignInMiddleware(ISignIn signIn) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (
            context.GetHttpContext() is not { } http
            || HttpFunction.Of(context) is not { } function
            || function.Policy.Anonymous
        )
        {
            await next(context);
            return;
        }
        if (signIn.Authenticate(http.Request) is not { } user)
        {
            signIn.Challenge(http.Request, http.Response);
            HttpFunction.Answer(context, Problems.SignIn(signIn.HowToSignIn));
            return;
        }
        http.User = user;
        await next(context);
    }
}
