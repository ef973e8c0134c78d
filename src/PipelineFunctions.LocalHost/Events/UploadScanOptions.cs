using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Events;

/// <summary>
/// Where the upload scan looks and what it feeds, from the app settings; no <c>LocalHostUploadContainer</c>, no scan.
/// </summary>
public sealed record UploadScanOptions(
    string? Container,
    string Queue,
    string ConnectionString,
    TimeSpan Interval,
    TimeSpan Settle
)
{
    public static UploadScanOptions From(AppSettings settings) =>
        new(
            settings.Get("LocalHostUploadContainer"),
            settings.Get("LocalHostUploadQueue") ?? "transcript-uploads",
            settings.ConnectionString(settings.Get("LocalHostUploadConnection")),
            TimeSpan.FromSeconds(settings.GetInt("LocalHostUploadScanSeconds", 2)),
            TimeSpan.FromSeconds(settings.GetInt("LocalHostUploadSettleSeconds", 5))
        );
}
