using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Cli.Commands;

/// <summary>The <c>--review</c> file of <c>pseudonymise</c>: the unsure spans, with offsets into each input turn's text.</summary>
public static class ReviewFile
{
    sealed record Span(int Turn, int Start, int End, string Text, string Reason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InSpeaker);

    sealed record File(IReadOnlyList<Span> Unsure);

    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Json(IEnumerable<UnsureSpan> unsure) =>
        JsonSerializer.Serialize(new File(unsure.Select(u => new Span(u.TurnIndex, u.Start, u.End, u.Text, u.Reason, u.InSpeaker)).ToList()), Options);
}
