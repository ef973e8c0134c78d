namespace PipelineFunctions.Core.Suggestions;

/// <param name="Top">At most this many codes per passage.</param>
/// <param name="AbstainBelow">The lexical engine: codes under this confidence are not suggested; a passage may get none.</param>
/// <param name="CodeInterviewer">Interviewer turns are context, not coded, unless this is set.</param>
/// <param name="PassageWords">Long turns are split at sentence ends into passages of about this many words.</param>
/// <param name="LabelThreshold">The semantic engine: a code at or above this confidence counts as applying (a passage
/// can carry several); the ranked list still shows <paramref name="Top"/> candidates. Chosen on dev for micro-F1 over
/// single- and multi-coded passages together: with each code's best phrase counted (<see cref="Semantic.SemanticTuning.PhraseWeight"/>)
/// 0.3 and 0.35 tied best (0.69; multi-coded alone 0.80–0.82 from 0.2 to 0.35, 0.70 at 0.4), so 0.3 stays. A relative
/// rule (a code within a share of the top one also applies) gained on multi-coded passages but lost more on
/// single-coded ones, so there is none.</param>
public sealed record SuggestionOptions(
    int Top = 3,
    double AbstainBelow = 0.2,
    bool CodeInterviewer = false,
    int PassageWords = 120,
    double LabelThreshold = 0.3
)
{
    public static SuggestionOptions Default { get; } = new();
}
