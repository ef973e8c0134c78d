using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// The <c>--review</c> file of <c>pseudonymise</c>: the unsure spans, one per distinct text, with offsets into each input
/// turn's text; <c>also</c> lists the other places the same text stands.
/// </summary>
public static class ReviewFile
{
    sealed record Span(
        int Turn,
        int Start,
        int End,
        string Text,
        string Reason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InSpeaker,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Place>? Also
    );

    /// <summary>Another place the same text stands: one decision covers it.</summary>
    sealed record Place(
        int Turn,
        int Start,
        int End,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InSpeaker
    );

    sealed record File(IReadOnlyList<Span> Unsure);

    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Json(IEnumerable<UnsureSpan> unsure) =>
        JsonSerializer.Serialize(
            new File(
                unsure
                    .Select(u => new Span(
                        u.TurnIndex,
                        u.Start,
                        u.End,
                        u.Text,
                        u.Reason,
                        u.InSpeaker,
                        u.Others.Count == 0
                            ? null
                            : u.Others.Select(o => new Place(o.TurnIndex, o.Start, o.End, o.InSpeaker)).ToList()
                    ))
                    .ToList()
            ),
            Options
        );
}
