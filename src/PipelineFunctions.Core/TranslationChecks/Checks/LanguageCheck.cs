using Lingua;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// The language of every turn: a translation turn still in the source language is untranslated; English inside a
/// non-English source is worth a look. Short turns are skipped (a few words say too little), and so are languages
/// the detector does not know.
/// </summary>
public sealed class LanguageCheck(LanguageDetector detector, IReadOnlySet<string> known) : ITranslationCheck
{
    const int MinimumWords = 4;

    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        if (
            !known.Contains(pair.SourceLanguage)
            || !known.Contains(pair.TranslationLanguage)
            || pair.SourceLanguage == pair.TranslationLanguage
        )
            yield break;
        foreach (var t in pair.Translation.Where(t => TranslationPair.Words(t.Text) >= MinimumWords))
        foreach (var part in Sentences(t.Text))
            if (Code(part) == pair.SourceLanguage)
            {
                yield return new(
                    FlagKinds.Untranslated,
                    Severity.High,
                    Partner(pair, t.Index),
                    t.Index,
                    $"Part of translation turn {t.Index} is still in {Name(pair.SourceLanguage)}."
                );
                break;
            }
        if (pair.SourceLanguage == "en")
            yield break;
        foreach (var s in pair.Source.Where(s => TranslationPair.Words(s.Text) >= MinimumWords))
        foreach (var part in Sentences(s.Text))
            if (Code(part) == "en" && pair.TranslationLanguage == "en")
            {
                yield return new(
                    FlagKinds.EnglishInSource,
                    Severity.Low,
                    s.Index,
                    null,
                    $"Part of source turn {s.Index} is in English."
                );
                break;
            }
    }

    /// <summary>Sentences of four words or more, so one sentence left untranslated in a long turn is still caught.</summary>
    static IEnumerable<string> Sentences(string text) =>
        text.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => TranslationPair.Words(s) >= MinimumWords);

    string? Code(string text)
    {
        var language = detector.DetectLanguageOf(text);
        return language == Lingua.Language.Unknown
            ? null
            : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }

    static int? Partner(TranslationPair pair, int translationTurn) =>
        pair.Alignment.FirstOrDefault(a => a.TranslationTurn == translationTurn)?.SourceTurn;

    static string Name(string code) =>
        code switch
        {
            "sw" => "Kiswahili",
            "de" => "German",
            "he" => "Hebrew",
            "lg" => "Luganda",
            "en" => "English",
            _ => code,
        };
}
