using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// Replaces identifiers in every turn (speaker labels included) with consistent bracketed pseudonyms.
/// Basic: roster names and aliases, emails, phone numbers, URLs.
/// </summary>
public sealed class TranscriptPseudonymiser(StudyPseudonymisation study, PseudonymBook book)
{
    static readonly Regex Email = new(@"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b", RegexOptions.Compiled);
    static readonly Regex Url = new(@"\b(https?://|www\.)\S+", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    static readonly Regex Phone = new(@"(?<!\w)(\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?([\s-]?\d{2,4}){2,4}(?!\w)", RegexOptions.Compiled);

    readonly Regex? _roster = BuildRosterPattern(study.Roster);

    public PseudonymisedTranscript Pseudonymise(IReadOnlyList<SpeakerTurn> turns)
    {
        var replacements = new List<Replacement>();
        var result = new List<SpeakerTurn>(turns.Count);
        foreach (var turn in turns)
        {
            var speaker = Replace(turn.Index, turn.Speaker, null);
            var text = Replace(turn.Index, turn.Text, replacements);
            result.Add(turn with { Speaker = speaker, Text = text });
        }
        return new PseudonymisedTranscript(result, replacements);
    }

    string Replace(int turnIndex, string text, List<Replacement>? log)
    {
        var found = new List<(int Start, int Length, string Kind, string Canonical)>();
        if (_roster is not null)
            foreach (Match m in _roster.Matches(text))
            {
                var entry = FindEntry(m.Groups["name"].Value);
                if (entry is not null) found.Add((m.Groups["name"].Index, m.Groups["name"].Length, KindOf(entry.Category), entry.Identifier));
            }
        foreach (Match m in Email.Matches(text)) found.Add((m.Index, m.Length, "EMAIL", m.Value));
        foreach (Match m in Url.Matches(text)) found.Add((m.Index, m.Length, "URL", m.Value));
        foreach (Match m in Phone.Matches(text))
            if (m.Value.Count(char.IsDigit) >= 7) found.Add((m.Index, m.Length, "PHONE", m.Value));

        var builder = new StringBuilder();
        var at = 0;
        foreach (var hit in found.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            if (hit.Start < at) continue;
            builder.Append(text, at, hit.Start - at);
            var pseudonym = PseudonymFor(hit.Kind, hit.Canonical);
            builder.Append(pseudonym);
            log?.Add(new Replacement(turnIndex, hit.Start, hit.Length, text.Substring(hit.Start, hit.Length), pseudonym, hit.Kind));
            at = hit.Start + hit.Length;
        }
        builder.Append(text, at, text.Length - at);
        return builder.ToString();
    }

    string PseudonymFor(string kind, string identifier)
    {
        if (kind is "EMAIL" or "URL" or "PHONE") return $"[{kind}]";
        var digest = Convert.ToHexString(HMACSHA256.HashData(study.Key, Encoding.UTF8.GetBytes(Normalise(identifier))));
        return $"[{kind}-{book.NumberFor(kind, digest)}]";
    }

    RosterEntry? FindEntry(string name)
    {
        var key = Normalise(name);
        return study.Roster.FirstOrDefault(e => Normalise(e.Identifier) == key || e.Aliases.Any(a => Normalise(a) == key))
            ?? study.Roster.FirstOrDefault(e => NameParts(e).Contains(key));
    }

    static string KindOf(IdentifierCategory category) => category switch
    {
        IdentifierCategory.Person => "PERSON",
        IdentifierCategory.Place => "PLACE",
        IdentifierCategory.Organisation => "ORGANISATION",
        _ => "OTHER",
    };

    static IEnumerable<string> NameParts(RosterEntry entry) =>
        entry.Category == IdentifierCategory.Person
            ? entry.Identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalise)
            : [];

    static string Normalise(string s)
    {
        var decomposed = s.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
            != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).Normalize(NormalizationForm.FormC);
    }

    static Regex? BuildRosterPattern(IReadOnlyList<RosterEntry> roster)
    {
        var names = roster.SelectMany(e => new[] { e.Identifier }.Concat(e.Aliases).Concat(
                e.Category == IdentifierCategory.Person ? e.Identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries) : []))
            .Where(n => n.Trim().Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Select(n => Regex.Escape(n.Trim()).Replace(@"\ ", @"\s+"))
            .ToList();
        if (names.Count == 0) return null;
        return new Regex($@"(?<!\w)(?<name>{string.Join('|', names)})(?!\w)", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    }
}
