using System.Collections.Concurrent;
using Lingua;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Which of a study's languages a transcript is in, from its turns: a suggestion for the person uploading, who decides.
/// A detector per set of languages is kept, as its models are the expensive part.
/// </summary>
public static class LanguageGuess
{
    static readonly ConcurrentDictionary<
        string,
        (LanguageDetector Detector, Dictionary<Language, string> Codes)
    > Detectors = new();

    /// <summary>The ISO 639-1 code of the study language the text is most likely in and how sure (0–1), or null when nothing is clear.</summary>
    public static (string Language, double Confidence)? Of(
        IReadOnlyList<SpeakerTurn> turns,
        IReadOnlyList<string> studyLanguages
    )
    {
        var text = string.Join('\n', turns.Select(t => t.Text));
        if (text.Length > 4000)
            text = text[..4000];
        if (text.Length < 20)
            return null;
        var (detector, codes) = Detectors.GetOrAdd(
            string.Join(',', studyLanguages.Order()),
            _ => Build(studyLanguages)
        );
        if (codes.Count == 0)
            return null;
        if (codes.Count == 1)
            return (codes.Values.First(), 1);
        var best = detector.ComputeLanguageConfidenceValues(text).FirstOrDefault();
        return best.Value > 0 && codes.TryGetValue(best.Key, out var code) ? (code, Math.Round(best.Value, 2)) : null;
    }

    static (LanguageDetector, Dictionary<Language, string>) Build(IReadOnlyList<string> languages)
    {
        var codes = languages
            .Select(l =>
                (
                    Code: l,
                    Iso: Enum.TryParse<IsoCode6391>(l, true, out var iso)
                        ? LanguageInfo.GetByIsoCode6391(iso)
                        : (Language?)null
                )
            )
            .Where(x => x.Iso is not null)
            .DistinctBy(x => x.Iso)
            .ToDictionary(x => x.Iso!.Value, x => x.Code);
        // Lingua needs two languages to choose between; a single-language study needs no detector.
        var detector = LanguageDetectorBuilder
            .FromLanguages(codes.Count >= 2 ? [.. codes.Keys] : [Language.English, Language.German])
            .Build();
        return (detector, codes);
    }
}
