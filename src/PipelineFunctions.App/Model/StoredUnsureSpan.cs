using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A span the pseudonymiser left in clear but a person should check, as stored with the pseudonymised version: turn
/// number, character offsets into that turn's original text (or its speaker label, <paramref name="InSpeaker"/>;
/// <paramref name="End"/> exclusive) and why (a category). Never its text: that stays in the restricted container.
/// </summary>
public sealed record StoredUnsureSpan(
    [property: JsonProperty("turn")] int Turn,
    [property: JsonProperty("start")] int Start,
    [property: JsonProperty("end")] int End,
    [property: JsonProperty("reason")] string Reason,
    [property: JsonProperty("inSpeaker")] bool InSpeaker = false
);

/// <summary>The site's check, done: who released the transcript to the next step, when, and which version they checked.</summary>
public sealed record SiteRelease(
    [property: JsonProperty("by")] string By,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("version")] int Version
);
