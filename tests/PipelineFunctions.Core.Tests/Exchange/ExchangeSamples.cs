using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Tests.Suggestions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>The REFI-QDA reference files (<c>../shared/refi-qda</c>, beside the repository) and a small study project.</summary>
static class ExchangeSamples
{
    public static string Shared(string name) =>
        Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "refi-qda", name));

    static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var schemas = new XmlSchemaSet();
        using var xsd = XmlReader.Create(Shared("Project-mrt2019.xsd"));
        schemas.Add(null, xsd);
        return schemas;
    });

    /// <summary>What the REFI-QDA project schema finds wrong with a project.qde; empty when it validates.</summary>
    public static IReadOnlyList<string> SchemaErrors(XDocument qde)
    {
        var errors = new List<string>();
        qde.Validate(Schema.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    public const string SourceA = "0f8fad5b-d9cb-469f-a165-70867728950e";
    public const string SourceB = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    /// <summary>Two transcripts (one with Hebrew, an emoji and a decomposed-then-composed é), two coders, codings and memos.</summary>
    public static QdaProject Study()
    {
        var imh = DevSets.Codebook("imh-barriers-facilitators");
        var book = imh with
        {
            Codes =
            [
                .. imh
                    .Codes.Select(c =>
                        c.Id == "unclear-role"
                            ? c with
                            {
                                Inclusion = "Nobody knows what peers do",
                                Exclusion = "Role conflict with nurses",
                                Examples = ["What am I here for?", "They call me a volunteer"],
                            }
                            : c
                    )
                    .Select(c =>
                        c with
                        {
                            Colour = c.Id switch
                            {
                                "barriers" => "#c0392b",
                                "facilitators" => "#27ae60",
                                _ => null,
                            },
                        }
                    ),
            ],
        };
        var a = Source(
            SourceA,
            "50001_1 (Kampala)",
            [
                new SpeakerTurn(1, "Interviewer", "How was your first month on the ward?"),
                new SpeakerTurn(2, "50001", "At first nobody knew what I was for 😅, they called me a volunteer."),
                new SpeakerTurn(3, "Interviewer", "And [name] hospital?"),
                new SpeakerTurn(4, "50001", "My supervisor backed me; café talks with her helped a lot."),
            ]
        );
        var b = Source(
            SourceB,
            "50002_1 (Haifa)",
            [
                new SpeakerTurn(1, "Interviewer", "מה עזר לך?"),
                new SpeakerTurn(2, "50002", "The nurses were hostile at the beginning, they ignored me."),
            ]
        );
        List<QdaCoding> codings =
        [
            Coding(a, "nobody knew what I was for 😅, they called me a volunteer", "unclear-role", "coder-anna"),
            Coding(a, "nobody knew what I was for", "unclear-role", "coder-ben"),
            Coding(
                a,
                "My supervisor backed me",
                "supportive-figures",
                "coder-anna",
                new DateTimeOffset(2025, 3, 4, 10, 15, 30, TimeSpan.FromHours(2))
            ),
            Coding(a, "My supervisor backed me", "supportive-figures", "coder-ben"),
            Coding(a, "café talks with her helped a lot", "coping-strategies", "coder-ben"),
            Coding(b, "The nurses were hostile at the beginning, they ignored me.", "staff-hostility", "coder-anna"),
            Coding(b, "The nurses were hostile", "barriers", "coder-ben"),
        ];
        var start = b.PlainText.IndexOf("hostile", StringComparison.Ordinal);
        List<QdaNote> notes =
        [
            new(
                "Check with the site whether 'volunteer' was the ward's word.",
                "coder-anna",
                SourceA,
                a.PlainText.IndexOf("volunteer", StringComparison.Ordinal),
                a.PlainText.IndexOf("volunteer", StringComparison.Ordinal) + 9
            ),
            new("Whole interview: strong on supervision.", "coder-ben", SourceA),
            new(
                "Hostility passage, compare with site 2.",
                "coder-ben",
                SourceB,
                start,
                start + 7,
                new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero)
            ),
            new("Codebook question: split staff hostility by profession?", "coder-anna"),
            new("Hostility fades once staff see what peers do.", "coder-ben", SourceB, CodeId: "staff-hostility"),
        ];
        return new QdaProject(
            "Peer support study — wave 1",
            [new("coder-anna", "Anna"), new("coder-ben", "Ben")],
            book,
            [a, b],
            codings,
            notes
        );
    }

    static QdaSource Source(string guid, string name, IReadOnlyList<SpeakerTurn> turns) =>
        new(guid, name, new ParsedTranscript(TranscriptFormat.PlainText, turns).ToText(), turns);

    static QdaCoding Coding(QdaSource source, string quote, string code, string coder, DateTimeOffset? at = null)
    {
        var start = source.PlainText.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, quote);
        return new QdaCoding(source.Guid, start, start + quote.Length, code, coder, at);
    }

    /// <summary>A project's content as comparable text: codes with parents and colours, users, sources, codings and memos.</summary>
    public static string Describe(QdaProject p) =>
        string.Join(
            "\n",
            [
                $"project {p.Name}",
                .. p.Users.Select(u => $"user {u.Id} {u.Name}"),
                CodebookJson.Write(p.Codebook),
                .. p.Codebook.Codes.Select(c => $"colour {c.Id} {c.Colour}"),
                .. p.Sources.Select(s => $"source {s.Guid} {s.Name}\n{s.PlainText}"),
                .. p
                    .Codings.Select(c =>
                        $"coding {c.SourceGuid} {c.Start} {c.End} {c.CodeId} {c.UserId} {c.CreatedAt?.UtcDateTime:O}"
                    )
                    .Order(StringComparer.Ordinal),
                .. p.Notes.Select(n =>
                    $"note {n.SourceGuid} {n.Start} {n.End} {n.UserId} {n.CreatedAt?.UtcDateTime:O} {n.CodeId} {n.Text}"
                ),
                .. (p.Variables ?? []).Select(v => $"variable {v.Name} {v.Type} {v.Description}"),
                .. p.Sources.Select(s => $"values {s.Guid} {Values(s.Values)}"),
                .. (p.Cases ?? []).Select(c =>
                    $"case {c.Guid} {c.Name} {c.Description} {Values(c.Values)} sources {string.Join(",", c.SourceGuids)} passages {string.Join(",", c.Passages.Select(x => $"{x.SourceGuid}:{x.Start}-{x.End}"))}"
                ),
                .. (p.Sets ?? []).Select(s =>
                    $"set {s.Guid} {s.Name} {s.Description} sources {string.Join(",", s.SourceGuids)} codes {string.Join(",", s.CodeIds ?? [])} passages {string.Join(",", (s.Passages ?? []).Select(x => $"{x.SourceGuid}:{x.Start}-{x.End}"))}"
                ),
            ]
        );

    static string Values(IReadOnlyDictionary<string, string>? values) =>
        string.Join(
            "; ",
            (values ?? new Dictionary<string, string>())
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => $"{v.Key}={v.Value}")
        );

    /// <summary>The study with what analysts compare by: sites, countries, languages, interview types, and roles per speaker.</summary>
    public static QdaProject StudyWithCases() =>
        ParticipantCases.Add(
            Study(),
            source =>
                source.Guid == SourceA
                    ? new TranscriptAttributes("Kampala", "Uganda", "en", "individual")
                    : new TranscriptAttributes("Haifa", "Israel", "he", "individual"),
            (source, speaker) => speaker == "50001" ? ParticipantRole.PeerWorker : null
        );
}
