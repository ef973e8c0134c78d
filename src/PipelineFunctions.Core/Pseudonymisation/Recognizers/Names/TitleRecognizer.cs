namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// The name after a title or honorific of any study language (Herr, Herrn, Frau Dr., Mama, Bi., Mzee, Bwana, Dada, Mr,
/// Auntie, Rav, Gveret, Mdm, Encik, Uncle Ah …), known or not. A chain of titles is skipped ("Frau Dr. Weber"); an
/// ordinary word after a title is not a name ("die Frau Doktor", "mama ntilie"); a German noun after the name is
/// not part of it ("Frau Keller Stationsleitung").
/// </summary>
public sealed class TitleRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    public string Name => "title";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (!tokens[i].IsCapitalised || !WordLists.Titles.Contains(IdentifierText.Normalise(tokens[i].Text)))
                continue;
            var j = i + 1;
            var ah = -1;
            while (j < tokens.Count && Joined(input, j) && IsTitleWord(tokens[j]))
            {
                if (tokens[j].Text == "Ah")
                    ah = j; // Singapore "Uncle Ah Kow": "Ah" belongs to the name it precedes
                j++;
            }
            if (j >= tokens.Count || !Joined(input, j) || !StartsName(input, tokens[j]))
            {
                i = j - 1;
                continue;
            }
            var first = ah == j - 1 ? ah : j;
            var n = 1;
            while (j + n < tokens.Count && n < 3 && Joined(input, j + n) && ContinuesName(input, tokens[j + n]))
                n++;
            // Below a listed name part (71), so "Ms Brunnhuber" keeps the roster's identity and the source's pseudonym.
            var d = TokenRuns.Span(tokens, first, j + n - first, "PERSON", "", 70, Name);
            yield return d with
            {
                Identity = $"name:{IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length))}",
            };
            i = j + n - 1;
        }
    }

    static bool IsTitleWord(Token t)
    {
        var key = IdentifierText.Normalise(t.Text);
        return t.IsCapitalised && (WordLists.Titles.Contains(key) || WordLists.TitleNouns.Contains(key));
    }

    /// <summary>Only spaces, or a title's dot, between a word and the one before it.</summary>
    static bool Joined(RecognitionInput input, int j)
    {
        var gap = input.Text.AsSpan(input.Tokens[j - 1].End, input.Tokens[j].Start - input.Tokens[j - 1].End);
        return gap.Trim().Length == 0 || gap.Trim() is ".";
    }

    bool StartsName(RecognitionInput input, Token t)
    {
        if (!t.IsCapitalised || t.Text.Any(char.IsDigit))
            return false;
        var key = IdentifierText.Normalise(t.Text);
        return !WordLists.Common.Contains(key)
            && !WordLists.TitleNouns.Contains(key)
            && !allowed.Contains(key)
            && !(input.LanguageAt(t.Start) == "de" && GermanWords.IsNoun(t.Text, key));
    }

    /// <summary>
    /// A second or third word joins the name when it looks like one: in German only a listed name (a capitalised word
    /// there is usually a noun), elsewhere any capitalised word that is not an ordinary word.
    /// </summary>
    bool ContinuesName(RecognitionInput input, Token t)
    {
        if (!StartsName(input, t) || t.SentenceStart)
            return false;
        var key = IdentifierText.Normalise(t.Text);
        if (WordLists.Names.Contains(key))
            return true;
        return input.LanguageAt(t.Start) != "de"
            && !WordLists.English.Contains(key)
            && !WordLists.GermanNouns.Contains(key);
    }
}
