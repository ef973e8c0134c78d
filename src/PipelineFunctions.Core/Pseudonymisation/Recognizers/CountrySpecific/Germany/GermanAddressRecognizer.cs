using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Germany;

/// <summary>
/// German addresses: a street (…straße, …str., …weg, …gasse, …platz, …allee, …ring, …damm, …ufer, …berg) with its
/// house number and an optional postcode ("Lindenweg 7, 70173"), and a five-digit postcode before a known town
/// ("89231 Neu-Ulm"). A house number has at most three digits, so "Heidelberg 2019" is a year, not an address.
/// </summary>
public sealed partial class GermanAddressRecognizer() : PatternRecognizer("ADDRESS", 88)
{
    public override string Name => "de-address";
    protected override Regex Pattern => Address();

    protected override bool IsValid(Match m) =>
        !m.Groups["city"].Success || WordLists.Places.Contains(IdentifierText.Normalise(m.Groups["city"].Value));

    [GeneratedRegex(@"\b\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|berg|steig|pfad|chaussee)\s+\d{1,3}\s?[a-zA-Z]?\b(?:,?\s*\d{5}\b)?|\b[0-9]\d{4}(?=\s+(?<city>\p{Lu}[\p{L}-]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
