using System.Text.Json;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>A passage a person coded: what coders accept, change or add becomes one of these, and the engine learns from it.</summary>
public sealed record LabelledExample(string Text, string CodeId)
{
    /// <summary>JSON lines of <c>{"text": "...", "code": "&lt;code id&gt;"}</c>.</summary>
    /// <param name="codebook">Keep only lines whose <c>codebook</c> field names this codebook (lines without one are kept).</param>
    public static IReadOnlyList<LabelledExample> ReadJsonLines(string jsonl, string? codebook = null)
    {
        var examples = new List<LabelledExample>();
        var line = 0;
        foreach (var raw in jsonl.Split('\n'))
        {
            line++;
            if (raw.Trim().Length == 0)
                continue;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                var text = doc.RootElement.GetProperty("text").GetString();
                var code = doc.RootElement.GetProperty("code").GetString();
                if (
                    codebook is not null
                    && doc.RootElement.TryGetProperty("codebook", out var book)
                    && book.GetString() != codebook
                )
                    continue;
                if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(code))
                    throw new FormatException($"Line {line} needs a text and a code.");
                examples.Add(new LabelledExample(text, code));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"Line {line} is not {{\"text\": ..., \"code\": ...}}.");
            }
        }
        return examples;
    }
}
