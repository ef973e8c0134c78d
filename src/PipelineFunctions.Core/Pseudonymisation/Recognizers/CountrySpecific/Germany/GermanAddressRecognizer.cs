using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Germany;

/// <summary>
/// German addresses: a street (…straße, …str., …weg, …gasse, …platz, …allee, …ring, …damm, …ufer, …berg) with its
/// house number and an optional postcode ("Lindenweg 7, 70173"), and a five-digit postcode with its town and district
/// ("89231 Neu-Ulm", "89077 Ulm-Söflingen"): the town goes with its postcode, however large, as part of an address.
/// The town must be a known place or no ordinary German word ("10000 Euro" is money). A house number has at most three
/// digits, so "Heidelberg 2019" is a year, not an address.
/// </summary>
public sealed partial class GermanAddressRecognizer() : PatternRecognizer("ADDRESS", 88)
{
    public override string Name => "de-address";
    protected override Regex Pattern => Address();

    protected override bool IsValid(Match m)
    {
        if (!m.Groups["city"].Success) return true;
        var town = IdentifierText.Normalise(m.Groups["city"].Value.Split('-')[0]);
        // Capitalised words only: "Neu-Ulm" is a town though "neu" is a word, "10000 Euro" is money.
        return WordLists.Places.Contains(town) || !Evidence.Lexicons.IsOrdinary(town, "en") && !Evidence.Lexicons.GermanWords.Contains(town);
    }

    [GeneratedRegex(@"\b\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|berg|steig|pfad|chaussee)\s+\d{1,3}\s?[a-zA-Z]?\b(?:,?\s*\d{5}\b)?|\b(?:D-)?[0-9]\d{4}\s+(?<city>\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
