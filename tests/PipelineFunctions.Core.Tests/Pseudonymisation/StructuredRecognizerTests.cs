using PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class StructuredRecognizerTests
{
    [Theory]
    [InlineData("+256 772 123 456")]
    [InlineData("0772 123456")]
    [InlineData("0754 123 456")]
    [InlineData("+255 754 321 987")]
    [InlineData("0171 1234567")]
    [InlineData("030/12345678")]
    [InlineData("+49 30 1234567")]
    [InlineData("054-123-4567")]
    [InlineData("+972 54 123 4567")]
    [InlineData("9123 4567")]
    [InlineData("+65 6123 4567")]
    [InlineData("98450 12345")]
    public void Phone_numbers_of_the_study_countries(string phone) =>
        Assert.Contains((phone, "PHONE"), Detect.In($"Call me on {phone} tomorrow."));

    [Theory]
    [InlineData("I worked there from 2019 to 2021.")]
    [InlineData("We have 3 children and 12 goats.")]
    [InlineData("Room 204 is on the second floor.")]
    public void Years_and_small_numbers_are_not_phones(string text) =>
        Assert.DoesNotContain(Detect.In(text), d => d.Kind == "PHONE");

    [Theory]
    [InlineData("S1234567D", true)]
    [InlineData("F1234567N", true)]
    [InlineData("T0123456G", true)]
    [InlineData("M1234567X", true)]
    [InlineData("S1234567A", false)]
    [InlineData("F1234567Z", false)]
    [InlineData("X1234567D", false)]
    public void Nric_and_fin_need_their_check_letter(string id, bool valid)
    {
        Assert.Equal(valid, new NricCheckLetter().IsValid(id));
        Assert.Equal(valid, Detect.In($"My IC is {id}, please note.").Contains((id, "ID")));
    }

    [Theory]
    [InlineData("123456782", true)]
    [InlineData("000000018", true)]
    [InlineData("123456789", false)]
    public void Israeli_ids_need_their_check_digit(string id, bool valid)
    {
        Assert.Equal(valid, new IsraeliIdCheckDigit().IsValid(id));
        Assert.Equal(valid, Detect.In($"Teudat zehut {id} is mine.").Contains((id, "ID")));
    }

    [Theory]
    [InlineData("86095742719", true)]
    [InlineData("86095742718", false)]
    [InlineData("12345678903", false)]
    public void German_tax_ids_need_their_check_digit_and_digit_rule(string id, bool valid) =>
        Assert.Equal(valid, new GermanTaxIdCheckDigit().IsValid(id));

    [Theory]
    [InlineData("12/03/1985")]
    [InlineData("3 May 1990")]
    [InlineData("March 12, 1985")]
    [InlineData("12. März 1985")]
    [InlineData("1978-11-02")]
    [InlineData("21st of June 2001")]
    [InlineData("12 Machi 1985")]
    public void Full_dates_are_dates(string date) =>
        Assert.Contains((date, "DATE"), Detect.In($"It happened on {date} at home."));

    [Fact]
    public void A_date_of_birth_without_a_year_is_a_date_but_a_weekday_or_month_alone_stays()
    {
        Assert.Contains(("4 June", "DATE"), Detect.In("I was born on 4 June in the village."));
        Assert.Empty(Detect.In("On Monday in May we met, and in 2019 again."));
    }

    [Fact]
    public void Emails_urls_and_handles_are_whole_units_even_when_they_hold_a_listed_name()
    {
        Assert.Contains(("nakato.sarah@example.org", "EMAIL"), Detect.In("Email nakato.sarah@example.org please."));
        Assert.Contains(("https://facebook.com/nakato.s", "URL"), Detect.In("See https://facebook.com/nakato.s."));
        Assert.Contains(("www.example.co.ug", "URL"), Detect.In("Visit www.example.co.ug today"));
        Assert.Contains(("@nakato_s", "HANDLE"), Detect.In("Follow @nakato_s on Twitter"));
    }
}
