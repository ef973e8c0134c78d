using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A span the pseudonymiser left in clear but a person should check: turn number, character offsets into that turn's
/// original text (<paramref name="End"/> exclusive) and why (a category, never text).
/// </summary>
public sealed record UnsureSpan(
    [property: JsonProperty("turn")] int Turn,
    [property: JsonProperty("start")] int Start,
    [property: JsonProperty("end")] int End,
    [property: JsonProperty("reason")] string Reason);

/// <summary>The site's check, done: who released the transcript to the next step, when, and which version they checked.</summary>
public sealed record SiteRelease(
    [property: JsonProperty("by")] string By,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("version")] int Version);
