using PipelineFunctions.Core.Pseudonymisation.Evidence;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// A postcode's town ("89231 Neu-Ulm") must be a known place or no ordinary word: "Neu-Ulm" is a town though "neu" is
/// a word (its first part is what counts), "10000 Euro" is money.
/// </summary>
public sealed class TownNotAWord : IPatternValidator
{
    public string Name => "town-not-a-word";

    public bool IsValid(string value)
    {
        var parts = value.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return false;
        var town = IdentifierText.Normalise(parts[1].Split('-')[0]);
        return WordLists.Places.Contains(town) || !Lexicons.IsOrdinary(town, "en") && !Lexicons.GermanWords.Contains(town);
    }
}
