using System.Security.Cryptography;
using System.Text;
using PipelineFunctions.Core.Pseudonymisation.Languages;
using PipelineFunctions.Core.Pseudonymisation.Recognizers;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// Replaces identifiers in every turn, speaker labels included, with pseudonyms consistent across the study: the
/// same identity gives the same keyed digest, and the study's book gives that digest its number.
/// </summary>
public sealed partial class TranscriptPseudonymiser
{
    /// <summary>Kinds replaced by a bare placeholder: numbering a phone number would help nobody follow anything.</summary>
    static readonly HashSet<string> Unnumbered = ["PHONE", "EMAIL", "URL", "HANDLE", "ID", "DATE", "ADDRESS"];

    readonly StudyPseudonymisation _study;
    readonly PseudonymBook _book;
    readonly IReadOnlyList<IRecognizer> _recognizers;
    readonly AllowedTerms _terms;

    public TranscriptPseudonymiser(StudyPseudonymisation study, PseudonymBook book)
    {
        _study = study;
        _book = book;
        _terms = new AllowedTerms(study.AllowList ?? []);
        var allowed = _terms.Words.ToHashSet(StringComparer.Ordinal);
        _recognizers = RecognizerRegistry.For(study.Roster, allowed);
    }

    /// <param name="external">Detections from elsewhere (a cloud PII service the study allowed) by turn index, merged with ours.</param>
    public PseudonymisedTranscript Pseudonymise(IReadOnlyList<SpeakerTurn> turns, string? language = null,
        IReadOnlyDictionary<int, IReadOnlyList<Detection>>? external = null)
    {
        var found = turns.Select(t => (Turn: t, Speaker: Detect(t.Speaker, language, null, isSpeaker: true),
            Text: Detect(t.Text, language, external?.GetValueOrDefault(t.Index)))).ToList();
        var people = PersonNames(found.SelectMany(f => f.Speaker.Concat(f.Text)));

        var replacements = new List<Replacement>();
        var result = new List<SpeakerTurn>(turns.Count);
        foreach (var (turn, speaker, text) in found)
        {
            var newSpeaker = Replace(turn.Index, turn.Speaker, speaker, people, replacements, inSpeaker: true);
            var newText = Replace(turn.Index, turn.Text, text, people, replacements, inSpeaker: false);
            result.Add(turn with { Speaker = newSpeaker, Text = newText });
        }
        return new PseudonymisedTranscript(result, replacements);
    }

    /// <summary>
    /// All recognizers over one text; overlaps go to the higher priority, then the longer match. Each sentence is judged
    /// in the language it is in (detected), whatever <paramref name="language"/> the upload declared.
    /// </summary>
    public IReadOnlyList<Detection> Detect(string text, string? language = null, IReadOnlyList<Detection>? external = null) =>
        Detect(text, language, external, isSpeaker: false);

    IReadOnlyList<Detection> Detect(string text, string? language, IReadOnlyList<Detection>? external, bool isSpeaker)
    {
        var tokens = Tokens.Of(text);
        var input = new RecognitionInput(text, tokens, language, StretchLanguages.Of(text, tokens, language), isSpeaker);
        var terms = _terms.Spans(text, tokens);
        var all = _recognizers.SelectMany(r => r.Recognize(input)).Concat(external ?? [])
            .Where(d => d.Length > 0 && d.End <= text.Length && !_terms.Keeps(d, terms))
            .OrderByDescending(d => d.Priority).ThenByDescending(d => d.Length).ThenBy(d => d.Start);
        // Placeholders already in the text (a pseudonymised transcript imported again, a site's own "[name]") stay as they are.
        var kept = Placeholders().Matches(text).Select(m => new Detection(m.Index, m.Length, "", "", int.MaxValue, "placeholder")).ToList();
        var placeholders = kept.Count;
        foreach (var d in all)
            if (!kept.Any(k => d.Start < k.End && k.Start < d.End)) kept.Add(d);
        return Merge(text, kept.Skip(placeholders).Select(d => WholeToken(text, d)).OrderBy(d => d.Start).ToList());
    }

    /// <summary>An ID found inside a longer code ("CM90012345ABCD") takes the whole code: its remains would still identify.</summary>
    static Detection WholeToken(string text, Detection d)
    {
        if (d.Kind != "ID") return d;
        var (start, end) = (d.Start, d.End);
        while (start > 0 && char.IsLetterOrDigit(text[start - 1])) start--;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        return d with { Start = start, Length = end - start };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(?:[A-Z]{2,}(?:-\d+)?|[a-z]+(?: [a-z]+)?)\]")]
    private static partial System.Text.RegularExpressions.Regex Placeholders();

    /// <summary>"Mama Rehema" then "Mushi", both the same listed person, are one mention: one placeholder, not two.</summary>
    static List<Detection> Merge(string text, List<Detection> detections)
    {
        var merged = new List<Detection>(detections.Count);
        foreach (var d in detections)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Kind == d.Kind && last.Identity == d.Identity
                && text.AsSpan(last.End, d.Start - last.End).IsWhiteSpace())
                merged[^1] = last with { Length = d.End - last.Start };
            else merged.Add(d);
        }
        return merged;
    }

    string Replace(int turnIndex, string text, IReadOnlyList<Detection> detections, IReadOnlyDictionary<string, string> people,
        List<Replacement> log, bool inSpeaker)
    {
        var b = new StringBuilder(text.Length);
        var at = 0;
        foreach (var d in detections)
        {
            b.Append(text, at, d.Start - at);
            var identity = d.Kind == "PERSON" && people.TryGetValue(d.Identity, out var full) ? full : d.Identity;
            var pseudonym = Placeholder(d.Kind, identity);
            b.Append(pseudonym);
            log.Add(new Replacement(turnIndex, d.Start, d.Length, text.Substring(d.Start, d.Length), pseudonym, d.Kind, inSpeaker));
            at = d.End;
        }
        b.Append(text, at, text.Length - at);
        return b.ToString();
    }

    /// <summary>
    /// Within a transcript, a surname or given name alone belongs to the full name it is part of ("Mwakyusa" after
    /// "Juma Mwakyusa"), so one person keeps one pseudonym.
    /// </summary>
    static Dictionary<string, string> PersonNames(IEnumerable<Detection> detections)
    {
        var full = detections.Where(d => d.Kind == "PERSON").Select(d => d.Identity).Where(i => Bare(i).Contains(' ')).Distinct().ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in detections.Where(d => d.Kind == "PERSON" && !Bare(d.Identity).Contains(' ')))
        {
            var owner = full.Where(f => Bare(f).Split(' ').Contains(Bare(d.Identity))).ToList();
            if (owner.Count == 1) map[d.Identity] = owner[0];
        }
        return map;
    }

    static string Bare(string identity) => identity[(identity.IndexOf(':') + 1)..];

    string Placeholder(string kind, string identity) => _study.Style switch
    {
        PlaceholderStyle.Quote => $"[{(kind == "PERSON" ? "name" : kind.ToLowerInvariant())}]",
        PlaceholderStyle.Typed => $"[{kind}]",
        _ when Unnumbered.Contains(kind) => $"[{kind}]",
        _ => $"[{kind}-{_book.NumberFor(kind, Digest(Bare(identity)))}]",
    };

    /// <summary>HMAC-SHA256 of the normalised identity under the study's key: without the key, no link to the name.</summary>
    string Digest(string identity) => Convert.ToHexString(HMACSHA256.HashData(_study.Key, Encoding.UTF8.GetBytes(identity)));
}
