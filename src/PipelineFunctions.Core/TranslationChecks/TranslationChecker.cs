using Lingua;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks.Checks;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// Runs every automated check on a pseudonymised source and its translation. Build one per set of languages and
/// keep it: the language detector's models are the expensive part.
/// </summary>
public sealed class TranslationChecker
{
    readonly IReadOnlyList<ITranslationCheck> _checks;

    public TranslationChecker(IEnumerable<string> languages)
    {
        var known = languages
            .Append("en")
            .Select(l => l.ToLowerInvariant())
            .Distinct()
            .Select(code => (Code: code, Language: ToLingua(code)))
            .Where(x => x.Language is not null)
            .ToList();
        var detector = LanguageDetectorBuilder
            .FromLanguages(known.Select(k => k.Language!.Value).ToArray())
            .WithMinimumRelativeDistance(0.1)
            .Build();
        _checks =
        [
            new AlignmentCheck(),
            new NumberAndPlaceholderCheck(),
            new LengthRatioCheck(),
            new EmptyOrDuplicatedTurnCheck(),
            new NegationCheck(),
            new SentenceAlignmentCheck(),
            new ChangedNameCheck(),
            new LanguageCheck(detector, known.Select(k => k.Code).ToHashSet()),
        ];
    }

    /// <param name="keys">Both sides' replacement logs, for the checks that compare originals (a changed name); without them those are skipped.</param>
    public TranslationCheckResult Check(
        IReadOnlyList<SpeakerTurn> source,
        string sourceLanguage,
        IReadOnlyList<SpeakerTurn> translation,
        string translationLanguage,
        PairKeys? keys = null
    )
    {
        // Align once to learn how the pair translates its speaker labels, then again with that mapping.
        var speakers = SpeakerMapping.From(source, translation, TurnAligner.Align(source, translation));
        var pair = new TranslationPair(
            source,
            sourceLanguage,
            translation,
            translationLanguage,
            TurnAligner.Align(source, translation, speakers),
            speakers,
            keys
        );
        var flags = _checks
            .SelectMany(c => c.Check(pair))
            .OrderBy(f => f.SourceTurn ?? f.TranslationTurn ?? 0)
            .ThenByDescending(f => f.Severity)
            .ToList();
        return new TranslationCheckResult(pair.Alignment, flags);
    }

    static Lingua.Language? ToLingua(string code) =>
        Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso) ? LanguageInfo.GetByIsoCode6391(iso) : null;
}
