using System.Text;

namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>
/// A labelled synthetic corpus of interview sentences: listed and unlisted people from the five sites' cultures,
/// places, hospitals, phones, emails, IDs with valid and invalid checksums, dates, and plain sentences to measure
/// over-redaction. Unlisted names are drawn from a pool the recognizers' name list does not hold, and half stand at
/// sentence starts, so the figures are not flattered. Deterministic for a seed.
/// </summary>
public static class SyntheticCorpus
{
    public static readonly RosterEntry[] Roster =
    [
        new("Nakato Sarah", IdentifierCategory.Person, ["Sarah N."]),
        new("Jürgen Albrecht", IdentifierCategory.Person, []),
        new("Tamar Ben-David", IdentifierCategory.Person, []),
        new("Tan Wei Ling", IdentifierCategory.Person, ["Wei Ling"]),
        new("Rehema Mushi", IdentifierCategory.Person, ["Mama Rehema"]),
        new("Kibuli", IdentifierCategory.Place, []),
    ];

    // Forms a site really writes: first name only, surname only, possessive, capitals, no diacritics, a line break.
    static readonly string[] RosterForms =
    [
        "Nakato",
        "Sarah",
        "Nakato's",
        "NAKATO",
        "Jurgen",
        "Jürgen Albrecht",
        "Albrecht's",
        "Tamar",
        "Ben-David",
        "Wei Ling",
        "Tan Wei Ling",
        "Rehema",
        "Mama Rehema",
        "Mushi",
        "Nakato\nSarah",
        "Kibuli",
    ];
    static readonly string[] People =
    [
        "Kintu",
        "Nyanzi",
        "Mwajabu",
        "Wanjiru",
        "Grünewald",
        "Oded",
        "Kwok",
        "Lwanga",
        "Sekitoleko",
        "Mbaraka",
        "Hildegard",
        "Yarden",
        "Ramasamy",
        "Kagimu",
        "Mwanahawa",
        "Ortrud",
        "Elior",
        "Jia Hui",
        "Tendo",
        "Shabani",
    ];
    static readonly string[] Places =
    [
        "Mbale",
        "Gulu",
        "Moshi",
        "Karatu",
        "Dodoma",
        "Biberach",
        "Haifa",
        "Beersheba",
        "Jurong",
        "Tampines",
        "Masaka",
        "Tanga",
    ];
    static readonly string[] Hospitals =
    [
        "Butabika Hospital",
        "Mulago Hospital",
        "Kiruddu Health Centre",
        "Nsambya Clinic",
        "Muhimbili Hospital",
        "Tan Tock Seng Hospital",
    ];
    static readonly string[] Phones =
    [
        "+256 772 123 456",
        "0772 123456",
        "0754 123 456",
        "+255 754 321 987",
        "0171 1234567",
        "030/12345678",
        "+49 30 1234567",
        "054-123-4567",
        "+972 54 123 4567",
        "9123 4567",
        "+65 6123 4567",
    ];
    static readonly string[] Emails =
    [
        "kintu.n@example.org",
        "m.grunewald@klinik.de",
        "oded77@mail.co.il",
        "jiahui@nus.edu.sg",
    ];
    static readonly string[] ValidIds = ["S1234567D", "F1234567N", "T0123456G", "123456782", "86095742719"];
    static readonly string[] InvalidIds = ["S1234567A", "F1234567Z", "123456789", "86095742718"];
    static readonly string[] Dates =
    [
        "12/03/1985",
        "3 May 1990",
        "March 12, 1985",
        "12. März 1985",
        "1978-11-02",
        "21st of June 2001",
    ];

    static readonly string[] Templates =
    [
        "Yesterday I went with {person} to the market.",
        "{person} called me after the meeting.",
        "My supervisor {roster} helped me a lot.",
        "I grew up in {place} before moving.",
        "We took him to {hospital} last year.",
        "You can call me on {phone} any time.",
        "Write to {email} if you need the forms.",
        "My ID is {id} but the card was lost.",
        "The number {notid} is the ward's record count.",
        "I was born on {date} in a small village.",
        "{roster} said the training was good.",
        "The nurses at {hospital} were kind to {person}.",
        "We met {roster} and {person} at the clinic in {place}.",
        "Honestly, talking to {person} makes the day easier.",
    ];

    static readonly string[] Plain =
    [
        "The training gave me counselling skills and I feel the work has meaning.",
        "Some staff still look down on us and exclude us from meetings.",
        "On Monday the team meets in the ward.",
        "In May we started the group sessions.",
        "Hope is what keeps me going, and my faith in God.",
        "The Health Centre was closed for a week.",
        "As a PSW I share my own experience of recovery.",
        "It was hard in 2019 but now I have three children to feed.",
        "When I joined, the role was not clear to the nurses.",
        "We speak English and Swahili in the sessions.",
        "Life in Kampala is expensive, and in Nairobi too.",
        "In Hamburg there are more services than in Uganda.",
    ];

    public static IReadOnlyList<LabelledText> Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var texts = new List<LabelledText>(count);
        for (var i = 0; i < count; i++)
        {
            var b = new StringBuilder();
            var spans = new List<LabelledSpan>();
            for (var s = 0; s < 4; s++)
            {
                if (s > 0)
                    b.Append(' ');
                if (random.Next(3) == 0)
                {
                    b.Append(Plain[random.Next(Plain.Length)]);
                    continue;
                }
                Fill(Templates[random.Next(Templates.Length)], b, spans, random);
            }
            texts.Add(new LabelledText(b.ToString(), spans));
        }
        return texts;
    }

    static void Fill(string template, StringBuilder b, List<LabelledSpan> spans, Random random)
    {
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                b.Append(template, at, template.Length - at);
                return;
            }
            b.Append(template, at, open - at);
            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            var (value, category) = slot switch
            {
                "person" => (People[random.Next(People.Length)], "person"),
                "roster" => (RosterForms[random.Next(RosterForms.Length)], "roster"),
                "place" => (Places[random.Next(Places.Length)], "place"),
                "hospital" => (Hospitals[random.Next(Hospitals.Length)], "hospital"),
                "phone" => (Phones[random.Next(Phones.Length)], "phone"),
                "email" => (Emails[random.Next(Emails.Length)], "email"),
                "id" => (ValidIds[random.Next(ValidIds.Length)], "id"),
                "notid" => (InvalidIds[random.Next(InvalidIds.Length)], "not-an-id"),
                _ => (Dates[random.Next(Dates.Length)], "date"),
            };
            // A possessive's "'s" is not part of the name.
            var length = category == "roster" ? IdentifierText.StripPossessive(value).Length : value.Length;
            spans.Add(new LabelledSpan(b.Length, length, category));
            b.Append(value);
            at = close + 1;
        }
    }
}
