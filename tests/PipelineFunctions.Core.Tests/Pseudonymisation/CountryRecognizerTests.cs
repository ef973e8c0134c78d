namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class CountryRecognizerTests
{
    [Theory]
    [InlineData("700552788872", true)]
    [InlineData("5340 6822 4630", true)]
    [InlineData("620528203217", false)]
    [InlineData("134068224630", false)]
    public void Aadhaar_needs_its_verhoeff_check_digit(string id, bool valid) =>
        Assert.Equal(valid, Detect.In($"It says {id} there.", null).Contains((id, "ID")));

    [Theory]
    [InlineData("Ich wohne im Lindenweg 7, 70173 Stuttgart.", "Lindenweg 7, 70173", "ADDRESS")]
    [InlineData("Schicken Sie's an Karlstr. 4a, 89073 Ulm.", "Karlstr. 4a, 89073", "ADDRESS")]
    [InlineData("Meine Mutter wohnt in 89231 Neu-Ulm.", "89231 Neu-Ulm", "ADDRESS")]
    [InlineData("I stay at Plot 24, Kira Road, near the church.", "Plot 24, Kira Road", "ADDRESS")]
    [InlineData("Barua ipelekwe S.L.P. 65001 Dar es Salaam.", "S.L.P. 65001", "ADDRESS")]
    [InlineData("We lived at Rehov Herzl 14 then.", "Rehov Herzl 14", "ADDRESS")]
    [InlineData("It is Blk 512 Ang Mo Kio Ave 8, #07-1234 lah.", "Blk 512 Ang Mo Kio Ave 8, #07-1234", "ADDRESS")]
    [InlineData("My NIN is CM90012345ABCD, they asked it.", "CM90012345ABCD", "ID")]
    [InlineData("Namba ya NIDA ni 19850312-14120-00001-25.", "19850312-14120-00001-25", "ID")]
    [InlineData("My file number at the hospital is BT/2291/19, they ask it.", "BT/2291/19", "ID")]
    [InlineData("Die Fallnummer ist 2020-44871, steht da.", "2020-44871", "ID")]
    [InlineData("Nililazwa wodi namba 7 kwa wiki mbili.", "7", "ID")]
    public void Addresses_national_ids_and_record_numbers_of_the_site_countries(
        string text,
        string expected,
        string kind
    ) => Assert.Contains((expected, kind), Detect.In(text, null));

    [Theory]
    [InlineData("In Heidelberg 2019 war es anders.")]
    [InlineData("We have 20 beds on the ward and two nurses.")]
    [InlineData("The receipt says 6205 2820 3217, that's the reference.")]
    public void Years_counts_and_failed_checksums_stay(string text) =>
        Assert.DoesNotContain(Detect.In(text, null), d => d.Kind is "ADDRESS" or "ID" or "PHONE");
}
