namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>When the engine says "nothing to code here" instead of a list: its own outcome, with the reason.</summary>
public static class Abstention
{
    public const string InterviewerTurn = "interviewer turn: context, not coded";
    public const string TooLittle = "too little said to code";
    public const string OffTopic = "nothing in the codebook fits (small talk)";

    /// <summary>
    /// Below this likeness to every code, and far from every coded passage, a passage is off-topic. On dev, small talk
    /// scored −0.02 to 0.058 and the least relevant coded passage 0.064 (5 % under 0.13): a thin margin, so the line
    /// sits just above small talk and a passage near a coded one is never abstained.
    /// </summary>
    public const double MinRelevance = 0.06;

    /// <summary>
    /// The sentence model (MiniLM) and the lexical engine learned English: on another language their likenesses mean
    /// nothing, so a transcript coded in its own language gets no suggestions, and each passage says why.
    /// </summary>
    public static string? ForLanguage(string language) =>
        language.Length == 0
        || language.Equals("en", StringComparison.OrdinalIgnoreCase)
        || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"no suggestions in this language ({language}): the suggestion engine reads English only; code it by hand";

    /// <summary>Cheap checks before the model runs.</summary>
    public static string? Before(CodingUnit unit, SuggestionOptions options)
    {
        if (unit.IsInterviewer && !options.CodeInterviewer)
            return InterviewerTurn;
        var words = PassageAnalyzer.Analyze(unit.Text).Count(a => !PassageAnalyzer.IsFunctionWord(a.Word));
        return words < 2 ? TooLittle : null;
    }

    /// <param name="bestCode">The passage's highest likeness to any code's description.</param>
    /// <param name="bestExample">Its highest likeness to any passage the coders coded.</param>
    public static string? NothingFits(double bestCode, double bestExample) =>
        bestCode < MinRelevance && bestExample < 0.3 ? OffTopic : null;
}
