using PipelineFunctions.App.Apis;
using PipelineFunctions.App.Extensions;
using PipelineFunctions.App.Hosting.CustomHandler;

var builder = WebApplication.CreateBuilder(args);
builder.AddPipeline();

var app = builder.Build();
// Unexpected errors answer with a bare message: exception text can carry data and never leaves the app.
app.UseExceptionHandler(e => e.Run(http => Results.Json(new { message = "The app failed on this request; the error was logged." }, statusCode: 500).ExecuteAsync(http)));
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

// The Functions host polls this until the custom handler answers.
app.MapGet("/", () => Results.Redirect("/app/admin/status.html"));
app.MapFunctionInvocations();
app.MapStudiesApi();
app.MapTranscriptsApi();
app.MapAdminApi();
app.MapTranslationReviewApi();
app.MapPseudonymisationApi();
app.MapCodebookApi();
app.MapReviewApi();
app.MapCodeViewApi();
app.MapExchangeApi();

app.Run();

public partial class Program;
