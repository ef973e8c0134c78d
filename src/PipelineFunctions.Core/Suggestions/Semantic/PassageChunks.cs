using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Splits text for the sentence model. MiniLM was trained on inputs of 128 word pieces and its tokenizer cuts at
/// 512, so a long passage is embedded in sentence-bounded chunks that are averaged; and a passage's phrases (its
/// sentences, long ones cut at commas) are compared with a code's definition to show which words carry the code.
/// </summary>
public static partial class PassageChunks
{
    /// <summary>About 90 words stays under 128 word pieces for ordinary talk.</summary>
    public const int ChunkWords = 90;

    public static IReadOnlyList<string> Chunks(string text, int maxWords = ChunkWords)
    {
        if (Words(text) <= maxWords)
            return [text];
        var chunks = new List<string>();
        var current = new List<string>();
        var count = 0;
        foreach (var piece in Sentences(text).SelectMany(s => Words(s) > maxWords ? Slices(s, maxWords) : [s]))
        {
            if (count + Words(piece) > maxWords && current.Count > 0)
            {
                chunks.Add(string.Join(' ', current));
                current.Clear();
                count = 0;
            }
            current.Add(piece);
            count += Words(piece);
        }
        if (current.Count > 0)
            chunks.Add(string.Join(' ', current));
        return chunks;
    }

    /// <summary>Sentences, and clauses of sentences over 14 words, each at least 3 words.</summary>
    public static IReadOnlyList<string> Phrases(string text)
    {
        var phrases = new List<string>();
        foreach (var sentence in Sentences(text))
        {
            var parts =
                Words(sentence) > 14
                    ? Clause().Split(sentence).Select(p => p.Trim()).Where(p => p.Length > 0).ToList()
                    : [sentence];
            phrases.AddRange(parts.Where(p => Words(p) >= 3));
        }
        return phrases.Count > 0 ? phrases : [text.Trim()];
    }

    /// <summary>
    /// The sides of a definition that names several things or sets one against another ("clear goals versus
    /// hierarchy", "such as supervisors and colleagues"): each side is something a passage may be about on its own.
    /// None when the definition has no such turn.
    /// </summary>
    public static IReadOnlyList<string> Sides(string definition)
    {
        var parts = Side().Split(definition).Select(p => p.Trim(' ', ',', ';', '.')).Where(p => p.Length > 0).ToList();
        return parts.Count > 1 ? parts : [];
    }

    static IEnumerable<string> Sentences(string text) =>
        Sentence().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    static IEnumerable<string> Slices(string sentence, int maxWords) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Chunk(maxWords).Select(c => string.Join(' ', c));

    static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"(?<=[.?!…])\s+")]
    private static partial Regex Sentence();

    [GeneratedRegex(
        @"(?:[;:(),]\s*|\s+)(?:versus|vs\.?|rather than|compared with|as opposed to|such as|including|or)\s+|[;:(),]\s*"
    )]
    private static partial Regex Side();

    [GeneratedRegex(@"(?<=[,;:])\s+|\s+(?=(?:but|because|so|and then)\s)")]
    private static partial Regex Clause();
}
