using PipelineFunctions.Core.Pseudonymisation.Evidence;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// A place's name (a postcode's town, a street's or a road's name) must be a known place or no ordinary word, and no
/// public entity: "Neu-Ulm" is a town though "neu" is a word (a name's first part is what counts), "10000 Euro" is
/// money, "Main Road" and "Arbeitsplatz" are words.
/// </summary>
public sealed class PlaceNotAWord : IPatternValidator
{
    public string Name => "place-not-a-word";

    public bool IsValid(string value)
    {
        var name = IdentifierText.Normalise(value.Trim().Split('-')[0]);
        if (name.Length == 0 || Lexicons.Public.ContainsKey(name))
            return false;
        // The whole must be no German word of any case either: "Unser Weg 5" is no street.
        return WordLists.Places.Contains(name)
            || !Lexicons.IsOrdinary(name, "en")
                && !Lexicons.GermanWords.Contains(name)
                && !Lexicons.IsOrdinary(IdentifierText.Normalise(value), "de");
    }
}
