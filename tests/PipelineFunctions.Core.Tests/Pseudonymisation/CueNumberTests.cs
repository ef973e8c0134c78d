using PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>Structured identifiers known by their cue or their checksum: record numbers, IBANs, ID documents, plates, postcodes.</summary>
public sealed class CueNumberTests
{
    [Theory]
    [InlineData("My IP number is 4471/23, they said.", "4471/23")]
    [InlineData("The UHID was KLA-88213 on the card.", "KLA-88213")]
    [InlineData("Namba ya faili langu ni MNH 55210 pale.", "MNH 55210")]
    [InlineData("Die Fallnummer ist 2020-44871, glaube ich.", "2020-44871")]
    [InlineData("My MRN is 00A7731.", "00A7731")]
    [InlineData("Meine Ausweisnummer ist T22000129.", "T22000129")]
    public void A_number_after_a_record_cue_goes_whatever_its_format(string text, string number) =>
        Assert.Contains((number, "ID"), Detect.In(text, null));

    [Fact]
    public void An_iban_goes_only_with_a_valid_checksum()
    {
        Assert.True(new IbanMod97().IsValid("DE89 3704 0044 0532 0130 00"));
        Assert.False(new IbanMod97().IsValid("DE88 3704 0044 0532 0130 00"));
        Assert.Contains(
            ("DE89 3704 0044 0532 0130 00", "ID"),
            Detect.In("Überweisen Sie auf DE89 3704 0044 0532 0130 00 bitte.", "de")
        );
        Assert.DoesNotContain(
            Detect.In("Das war DE88 3704 0044 0532 0130 00 damals.", "de"),
            d => d.Text.StartsWith("DE88", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_german_id_card_number_goes_with_its_check_digit()
    {
        Assert.True(new GermanIdDocumentCheckDigit().IsValid("T220001293"));
        Assert.False(new GermanIdDocumentCheckDigit().IsValid("T220001294"));
        Assert.Contains(("T220001293", "ID"), Detect.In("Der Ausweis hatte T220001293 drauf.", "de"));
    }

    [Theory]
    [InlineData("The boda was UAX 123B, I remember.", "UAX 123B")]
    [InlineData("Das Auto hatte UL-AB 123 als Kennzeichen.", "UL-AB 123")]
    [InlineData("Gari lilikuwa T 123 ABC jana.", "T 123 ABC")]
    public void A_vehicle_plate_goes(string text, string plate) =>
        Assert.Contains(Detect.In(text, null), d => d.Text == plate && d.Kind == "ID");

    [Fact]
    public void A_postcode_goes_with_its_town_and_district_but_money_stays()
    {
        Assert.Contains(
            ("89077 Ulm-Söflingen", "ADDRESS"),
            Detect.In("Ich wohne in 89077 Ulm-Söflingen seit Jahren.", "de")
        );
        Assert.DoesNotContain(Detect.In("Das hat 10000 Euro gekostet.", "de"), d => d.Kind == "ADDRESS");
    }

    [Fact]
    public void A_landline_with_its_country_code_and_extension_goes_whole() =>
        Assert.Contains(("+49 731 500-0", "PHONE"), Detect.In("Die Zentrale ist +49 731 500-0, glaube ich.", "de"));
}
