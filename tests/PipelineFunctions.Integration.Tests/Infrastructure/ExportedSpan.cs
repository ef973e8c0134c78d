using System.Text.RegularExpressions;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// A span as the OpenTelemetry console exporter printed it to the app's stdout (with <c>Pipeline__TelemetryConsole</c>
/// on). <see cref="Text"/> is every line of its record, for privacy checks. Log lines the console logger interleaves
/// are skipped: they are indented differently and never start with <c>Activity.</c>.
/// </summary>
public sealed partial record ExportedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Tags,
    string Text
)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);

    public static IReadOnlyList<ExportedSpan> Parse(IEnumerable<string> lines)
    {
        var spans = new List<ExportedSpan>();
        Dictionary<string, string>? fields = null,
            tags = null;
        List<string>? text = null;
        var inTags = false;
        void Close()
        {
            if (
                fields is not null
                && fields.TryGetValue("TraceId", out var trace)
                && fields.TryGetValue("SpanId", out var span)
            )
                spans.Add(
                    new(
                        trace,
                        span,
                        fields.GetValueOrDefault("ParentSpanId"),
                        fields.GetValueOrDefault("DisplayName") ?? "",
                        fields.GetValueOrDefault("Kind") ?? "",
                        tags!,
                        string.Join('\n', text!)
                    )
                );
            fields = null;
        }
        foreach (var line in lines)
        {
            if (line.StartsWith("Activity.TraceId:", StringComparison.Ordinal))
            {
                Close();
                (fields, tags, text, inTags) = (new(), new(), new(), false);
            }
            if (fields is null)
                continue;
            text!.Add(line);
            if (Field().Match(line) is { Success: true } f)
            {
                inTags = f.Groups[1].Value == "Tags";
                fields[f.Groups[1].Value] = f.Groups[2].Value.Trim();
            }
            else if (
                line.StartsWith("Instrumentation scope", StringComparison.Ordinal)
                || line.StartsWith("Resource associated", StringComparison.Ordinal)
            )
                inTags = false;
            else if (inTags && TagLine().Match(line) is { Success: true } t)
                tags![t.Groups[1].Value] = t.Groups[2].Value;
        }
        Close();
        return spans;
    }

    [GeneratedRegex(@"^Activity\.(\w+):\s*(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^    ([^\s:][^:]*): (.*)$")]
    private static partial Regex TagLine();
}
