using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>
/// English analysis as a search engine does it (Lucene's EnglishAnalyzer: stop words out, possessives off, Porter
/// stems), keeping for each stem the word as it stood, so evidence quotes the passage's own words.
/// </summary>
public static class PassageAnalyzer
{
    static readonly string[] StopWords =
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "even",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "know",
        "like",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "really",
        "same",
        "say",
        "said",
        "she",
        "should",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "was",
        "we",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "yeah",
        "yes",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "okay",
        "ok",
        "mm",
        "um",
        "uh",
        "go",
        "going",
        "went",
        "come",
        "came",
        "make",
        "made",
    ];

    static readonly HashSet<string> FunctionWords = new(StopWords, StringComparer.OrdinalIgnoreCase);

    // Scoring keeps Lucene's own short stop list (it measured better here); evidence leaves out all the little words.
    static readonly EnglishAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);

    /// <summary>"about", "what", "do": words too common in talk to be shown as a reason.</summary>
    public static bool IsFunctionWord(string word) => FunctionWords.Contains(word);

    public static List<(string Stem, string Word)> Analyze(string text)
    {
        // "[PERSON-4]" would otherwise count as the word "person": a placeholder is never a reason for a code.
        text = Placeholders.Remove(text);
        var terms = new List<(string, string)>();
        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add((term.ToString(), text.Substring(offset.StartOffset, offset.EndOffset - offset.StartOffset)));
        stream.End();
        return terms;
    }

    public static List<string> Stems(string text) => Analyze(text).Select(t => t.Stem).ToList();
}
