using System.Text;

namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>
/// The hand-written hard cases (Evaluation/Data/hard-cases.txt) and the roster they run with. Markup: <c>[[…]]</c> must
/// go, <c>{{…}}</c> must stay, <c>\n</c> is a line break, a leading <c>Label: </c> is the speaker.
/// </summary>
public static class HardCases
{
    static readonly Lazy<(IReadOnlyList<RosterEntry> Roster, IReadOnlyList<HardCase> Cases)> Loaded = new(() =>
        Load("hard-cases")
    );
    static readonly Lazy<(IReadOnlyList<RosterEntry> Roster, IReadOnlyList<HardCase> Cases)> FreshLoaded = new(() =>
        Load("hard-cases-fresh")
    );

    public static IReadOnlyList<RosterEntry> Roster => Loaded.Value.Roster;
    public static IReadOnlyList<HardCase> All => Loaded.Value.Cases;

    /// <summary>Cases written after all tuning and never tuned on (same roster): an estimate nobody fitted.</summary>
    public static IReadOnlyList<HardCase> Fresh => FreshLoaded.Value.Cases;

    static (IReadOnlyList<RosterEntry>, IReadOnlyList<HardCase>) Load(string name)
    {
        var roster = new List<RosterEntry>();
        var cases = new List<HardCase>();
        foreach (
            var line in EmbeddedData
                .Text($"Pseudonymisation.Evaluation.{name}.txt")
                .Split('\n')
                .Select(l => l.TrimEnd('\r'))
        )
        {
            if (line.StartsWith("@roster ", StringComparison.Ordinal))
            {
                var f = line[8..].Split('|');
                roster.Add(
                    new RosterEntry(
                        f[0],
                        Enum.Parse<IdentifierCategory>(f[1], true),
                        f.Length > 2 ? f[2].Split(';', StringSplitOptions.RemoveEmptyEntries) : []
                    )
                );
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                var fields = line.Split('\t', 3);
                cases.Add(Parse(cases.Count + 1, fields[0], fields[1], fields[2].Replace("\\n", "\n")));
            }
        }
        return (roster, cases);
    }

    static HardCase Parse(int number, string kind, string language, string raw)
    {
        var colon = raw.IndexOf(": ", StringComparison.Ordinal);
        var hasSpeaker =
            colon > 0 && !raw[..colon].Replace("[[", "").Replace("]]", "").Any(c => !char.IsLetterOrDigit(c));
        var (speaker, speakerGo, _) = Strip(hasSpeaker ? raw[..colon] : "", inSpeaker: true);
        var (text, go, keep) = Strip(hasSpeaker ? raw[(colon + 2)..] : raw, inSpeaker: false);
        return new HardCase(number, kind, language, speaker, text, [.. speakerGo, .. go], keep);
    }

    static (string Text, List<MarkedSpan> Go, List<MarkedSpan> Keep) Strip(string raw, bool inSpeaker)
    {
        var b = new StringBuilder(raw.Length);
        var (go, keep) = (new List<MarkedSpan>(), new List<MarkedSpan>());
        var open = -1;
        List<MarkedSpan>? target = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var pair = i + 1 < raw.Length ? raw.Substring(i, 2) : "";
            if (pair is "[[" or "{{")
            {
                open = b.Length;
                target = pair == "[[" ? go : keep;
                i++;
            }
            else if (pair is "]]" or "}}" && target is not null)
            {
                target.Add(new MarkedSpan(open, b.Length - open, inSpeaker));
                target = null;
                i++;
            }
            else
                b.Append(raw[i]);
        }
        return (b.ToString(), go, keep);
    }
}
