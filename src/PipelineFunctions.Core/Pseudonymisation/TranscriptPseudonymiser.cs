using System.Security.Cryptography;
using System.Text;
using PipelineFunctions.Core.Pseudonymisation.Evidence;
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
    [System.Text.RegularExpressions.GeneratedRegex(@"^#?\d+(_\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex ParticipantCode();

    readonly StudyPseudonymisation _study;
    readonly PseudonymBook _book;
    readonly IReadOnlyList<IRecognizer> _recognizers;
    readonly AllowedTerms _terms;
    readonly HashSet<string> _allowed;

    public TranscriptPseudonymiser(StudyPseudonymisation study, PseudonymBook book)
    {
        _study = study;
        _book = book;
        _terms = new AllowedTerms(study.AllowList ?? []);
        _allowed = _terms.Words.ToHashSet(StringComparer.Ordinal);
        var sites = (study.OwnSites ?? []).Select(s => new RosterEntry(s, IdentifierCategory.Organisation, []));
        _recognizers = RecognizerRegistry.For([.. study.Roster, .. sites], _allowed);
    }

    /// <param name="external">Detections from elsewhere (a cloud PII service the study allowed) by turn index, merged
    /// with ours.</param>
    public PseudonymisedTranscript Pseudonymise(
        IReadOnlyList<SpeakerTurn> turns,
        string? language = null,
        IReadOnlyDictionary<int, IReadOnlyList<Detection>>? external = null
    )
    {
        var texts = new List<AnalysedText>(turns.Count * 2);
        for (var p = 0; p < turns.Count; p++)
        {
            texts.Add(Analyse(p, turns[p].Speaker, language, null, isSpeaker: true));
            texts.Add(
                Analyse(p, turns[p].Text, language, external?.GetValueOrDefault(turns[p].Index), isSpeaker: false)
            );
        }
        Decide(texts);
        var people = PersonNames(texts.SelectMany(t => t.Detections));

        var replacements = new List<Replacement>();
        var unsure = new List<UnsureSpan>();
        var result = new List<SpeakerTurn>(turns.Count);
        for (var p = 0; p < turns.Count; p++)
        {
            var (speaker, text) = (texts[2 * p], texts[2 * p + 1]);
            var newSpeaker = Replace(turns[p].Index, speaker, people, replacements);
            var newText = Replace(turns[p].Index, text, people, replacements);
            // A speaker label that is a participant code (50001, 50001_2, #9) is the study's own pseudonym: nothing to
            // check.
            foreach (
                var t in new[] { speaker, text }.Where(t => !(t.InSpeaker && ParticipantCode().IsMatch(t.Text.Trim())))
            )
                unsure.AddRange(
                    t.Unsure.Select(u => new UnsureSpan(
                        p,
                        u.Start,
                        u.Length,
                        t.Text.Substring(u.Start, u.Length),
                        u.Reason,
                        t.InSpeaker
                    ))
                );
            result.Add(turns[p] with { Speaker = newSpeaker, Text = newText });
        }
        return new PseudonymisedTranscript(result, replacements, OncePerText(unsure));
    }

    /// <summary>One span per distinct text, the first where it stands, holding the others.</summary>
    static List<UnsureSpan> OncePerText(List<UnsureSpan> unsure) =>
        [
            .. unsure
                .GroupBy(u => u.Text, StringComparer.Ordinal)
                .Select(g => g.First() with { Others = [.. g.Skip(1)] })
                .OrderBy(u => u.TurnIndex)
                .ThenBy(u => !u.InSpeaker)
                .ThenBy(u => u.Start),
        ];

    /// <summary>
    /// What would be replaced in one text, judged as a transcript of its own. Each sentence is judged in the language
    /// it is in (detected), whatever <paramref name="language"/> the upload declared.
    /// </summary>
    public IReadOnlyList<Detection> Detect(
        string text,
        string? language = null,
        IReadOnlyList<Detection>? external = null
    )
    {
        var texts = new List<AnalysedText> { Analyse(0, text, language, external, isSpeaker: false) };
        Decide(texts);
        return texts[0].Detections;
    }

    /// <summary>
    /// The scorer decides every word-based candidate; then the transcript is read as one text (the same person
    /// throughout, neighbouring name words one span), and what is left in clear is looked at for a person to check.
    /// </summary>
    void Decide(List<AnalysedText> texts)
    {
        var doses = MedicineDoses.In(texts);
        var allowed = doses.Count == 0 ? _allowed : [.. _allowed, .. doses];
        foreach (var t in texts)
        {
            var kept = new List<Detection>(t.Detections.Count);
            foreach (var d in t.Detections)
            {
                if (!SpanScorer.IsJudged(d))
                {
                    kept.Add(d.Reason.Length > 0 ? d : d with { Reason = d.Recognizer });
                    continue;
                }
                var (first, last) = t.TokenRange(d.Start, d.End);
                if (
                    doses.Count > 0
                    && first >= 0
                    && doses.Contains(IdentifierText.Key(t.Tokens[first].Text))
                    && first == last
                )
                    continue;
                var judgement =
                    first < 0 ? Judgement.Replace(d.Recognizer) : SpanScorer.Judge(t.Input, d, first, last, _study);
                if (judgement.Decision == SpanDecision.Replace)
                    kept.Add(d with { Reason = judgement.Reason });
                else if (judgement.Decision == SpanDecision.Unsure)
                    t.Unsure.Add((d.Start, d.Length, judgement.Reason));
            }
            t.Detections = kept;
            ClearSpans.Promote(t, allowed);
        }
        SamePerson.Apply(texts, allowed);
        foreach (var t in texts)
        {
            t.Unsure.RemoveAll(u => t.Detections.Any(d => u.Start < d.End && d.Start < u.Start + u.Length));
            ClearSpans.MarkUnsure(t, allowed);
        }
    }

    /// <summary>All recognizers over one text; overlaps go to the higher priority, then the longer match.</summary>
    AnalysedText Analyse(
        int position,
        string text,
        string? language,
        IReadOnlyList<Detection>? external,
        bool isSpeaker
    )
    {
        var tokens = Tokens.Of(text);
        var input = new RecognitionInput(
            text,
            tokens,
            language,
            StretchLanguages.Of(text, tokens, language),
            isSpeaker
        );
        var terms = _terms.Spans(text, tokens);
        var all = _recognizers
            .SelectMany(r => r.Recognize(input))
            .Concat(external ?? [])
            .Where(d => d.Length > 0 && d.End <= text.Length && !_terms.Keeps(d, terms))
            .OrderByDescending(d => d.Priority)
            .ThenByDescending(d => d.Length)
            .ThenBy(d => d.Start);
        // Placeholders already in the text (a pseudonymised transcript imported again, a site's own "[name]") stay as
        // they are.
        var kept = Placeholders()
            .Matches(text)
            .Select(m => new Detection(m.Index, m.Length, "", "", int.MaxValue, "placeholder"))
            .ToList();
        var placeholders = kept.Count;
        foreach (var d in all)
            if (!kept.Any(k => d.Start < k.End && k.Start < d.End))
                kept.Add(d);
        return new AnalysedText(position, isSpeaker, input)
        {
            Detections = kept.Skip(placeholders).Select(d => WholeToken(text, d)).OrderBy(d => d.Start).ToList(),
        };
    }

    /// <summary>An ID found inside a longer code ("CM90012345ABCD") takes the whole code: its remains would still
    /// identify.</summary>
    static Detection WholeToken(string text, Detection d)
    {
        if (d.Kind != "ID")
            return d;
        var (start, end) = (d.Start, d.End);
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            start--;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
            end++;
        return d with { Start = start, Length = end - start };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(?:[A-Z]{2,}(?:-\d+)?|[a-z]+(?: [a-z]+)?)\]")]
    private static partial System.Text.RegularExpressions.Regex Placeholders();

    string Replace(int turnIndex, AnalysedText t, IReadOnlyDictionary<string, string> people, List<Replacement> log)
    {
        var text = t.Text;
        var b = new StringBuilder(text.Length);
        var at = 0;
        foreach (var d in t.Detections)
        {
            b.Append(text, at, d.Start - at);
            var identity =
                d.Kind == IdentifierKinds.Person && people.TryGetValue(d.Identity, out var full) ? full : d.Identity;
            var pseudonym = Placeholder(d.Kind, identity);
            b.Append(pseudonym);
            // A name split by a line break keeps its line: the transcript's layout is the transcriber's.
            if (text.AsSpan(d.Start, d.Length).Contains('\n'))
                b.Append('\n');
            log.Add(
                new Replacement(
                    turnIndex,
                    d.Start,
                    d.Length,
                    text.Substring(d.Start, d.Length),
                    pseudonym,
                    d.Kind,
                    t.InSpeaker,
                    d.Reason
                )
            );
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
        var full = detections
            .Where(d => d.Kind == IdentifierKinds.Person)
            .Select(d => d.Identity)
            .Where(i => Bare(i).Contains(' '))
            .Distinct()
            .ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in detections.Where(d => d.Kind == IdentifierKinds.Person && !Bare(d.Identity).Contains(' ')))
        {
            var owner = full.Where(f => Bare(f).Split(' ').Contains(Bare(d.Identity))).ToList();
            if (owner.Count == 1)
                map[d.Identity] = owner[0];
        }
        return map;
    }

    static string Bare(string identity) => identity[(identity.IndexOf(':') + 1)..];

    string Placeholder(string kind, string identity) =>
        _study.Style switch
        {
            PlaceholderStyle.Quote => $"[{(kind == IdentifierKinds.Person ? "name" : kind.ToLowerInvariant())}]",
            PlaceholderStyle.Typed => $"[{kind}]",
            _ when !IdentifierKinds.IsNumbered(kind) => $"[{kind}]",
            _ => $"[{kind}-{_book.NumberFor(kind, Digest(Bare(identity)))}]",
        };

    /// <summary>HMAC-SHA256 of the normalised identity under the study's key: without the key, no link to the
    /// name.</summary>
    string Digest(string identity) =>
        Convert.ToHexString(HMACSHA256.HashData(_study.Key, Encoding.UTF8.GetBytes(identity)));
}
