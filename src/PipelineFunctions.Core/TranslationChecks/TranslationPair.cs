using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>What every check reads: both versions, their languages, how their turns line up, how the pair translates its speaker labels, and (where the App passes them) both keys.</summary>
public sealed record TranslationPair(
    IReadOnlyList<SpeakerTurn> Source,
    string SourceLanguage,
    IReadOnlyList<SpeakerTurn> Translation,
    string TranslationLanguage,
    IReadOnlyList<AlignedTurn> Alignment,
    SpeakerMapping? Speakers = null,
    PairKeys? Keys = null
)
{
    public bool SameSpeaker(string source, string translation) =>
        (Speakers ?? SpeakerMapping.Identity).Same(source, translation);

    public SpeakerTurn? SourceTurn(int? index) => index is { } i ? Source.FirstOrDefault(t => t.Index == i) : null;

    public SpeakerTurn? TranslationTurn(int? index) =>
        index is { } i ? Translation.FirstOrDefault(t => t.Index == i) : null;

    /// <summary>Pairs where both sides exist.</summary>
    public IEnumerable<(SpeakerTurn Source, SpeakerTurn Translation)> Matched =>
        Alignment
            .Where(a => a.SourceTurn is not null && a.TranslationTurn is not null)
            .Select(a => (SourceTurn(a.SourceTurn)!, TranslationTurn(a.TranslationTurn)!));

    public static int Words(string text) => text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
