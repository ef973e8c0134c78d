using System.Text.RegularExpressions;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// Brand names of medicines no list holds, told by the dose after them ("Dolo 650", "Nexito 10 mg", "Oleanz 5"): a
/// capitalised word that is no ordinary word nor a known name, right before a number of one to four digits that no
/// street or room word precedes. Found once per transcript, so the same word stays wherever it stands ("Nexito yes").
/// </summary>
public static partial class MedicineDoses
{
    static readonly IReadOnlySet<string> NumberedPlaces = WordLists.Cues("numbered-place");

    public static HashSet<string> In(IReadOnlyList<AnalysedText> texts)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            var tokens = t.Tokens;
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var token = tokens[i];
                if (!token.IsCapitalised || token.Text.Length < 4 || !Dose().IsMatch(tokens[i + 1].Text))
                    continue;
                if (!t.Text.AsSpan(token.End, tokens[i + 1].Start - token.End).IsWhiteSpace())
                    continue;
                var key = IdentifierText.Key(token.Text);
                if (
                    Lexicons.IsOrdinary(key, null)
                    || Lexicons.IsPersonName(key)
                    || NameCues.IsGivenName(key)
                    || Lexicons.Population(key) > 0
                    || GermanWords.HasPlaceEnding(token.Text)
                    || NumberedPlaces.Contains(token.Text)
                )
                    continue;
                found.Add(key);
            }
        }
        return found;
    }

    [GeneratedRegex(@"^\d{1,4}(?:mg|ml|mcg)?$")]
    private static partial Regex Dose();
}
