using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>
/// Project files as other QDA tools write them, built from the schema and what the tools document: two interview texts,
/// a nested codebook, two users, codings, and per variant where the texts are and how the project names them. Texts
/// and positions are counted as the standard says (code points on LF text).
/// </summary>
static class ForeignProjects
{
    public static readonly XNamespace Qda = QdpxWriter.Namespace;
    public const string UserA = "5E7C6F10-2E1B-4C57-9A0E-0A1B2C3D4E5F",
        UserB = "6F8D7021-3F2C-4D68-8B1F-1B2C3D4E5F60";
    public const string Parent = "1A2B3C4D-0000-4000-8000-000000000001",
        Child = "1A2B3C4D-0000-4000-8000-000000000002",
        Other = "1A2B3C4D-0000-4000-8000-000000000003";
    public static readonly string[] Guids =
    [
        "AAAAAAAA-1111-4111-8111-111111111111",
        "BBBBBBBB-2222-4222-8222-222222222222",
    ];
    public static readonly string[] Names = ["Interview Kampala 50001", "Fokusgruppe Haifa 2"];
    public static readonly string[][] Paragraphs =
    [
        [
            "Interviewer: How was your first month?",
            "50001: Nobody knew what I was for, they called me a volunteer.",
            "Interviewer: And now?",
            "50001: My supervisor backed me 🙂 and it got better.",
        ],
        ["Moderator: Was hat geholfen?", "P1: Die Gespräche in der Küche.", "P2: Dass die Pflege mich ernst nahm."],
    ];

    public static string Text(int source) => string.Concat(Paragraphs[source].Select(p => p + "\n"));

    /// <summary>(source, quote, code, user) — every coding the fixtures carry.</summary>
    public static readonly (int Source, string Quote, string Code, string User)[] Codings =
    [
        (0, "Nobody knew what I was for", Child, UserA),
        (0, "they called me a volunteer", Child, UserB),
        (0, "My supervisor backed me 🙂", Other, UserA),
        (1, "Die Gespräche in der Küche.", Other, UserB),
        (1, "Dass die Pflege mich ernst nahm.", Parent, UserA),
    ];

    /// <summary>
    /// A project whose text sources name their text by <paramref name="path"/> (given the source's index) and whose archive
    /// holds each text at <paramref name="entry"/>; <paramref name="extra"/> adds what a tool adds (cases, sets, other sources).
    /// </summary>
    public static byte[] Build(
        Func<int, string?> path,
        Func<int, string?> entry,
        Action<XElement>? extra = null,
        Func<int, string?>? richPath = null,
        Func<int, string?>? richEntry = null,
        string origin = "ATLAS.ti 25"
    )
    {
        var sources = new XElement(
            Qda + "Sources",
            Enumerable
                .Range(0, 2)
                .Select(i => new XElement(
                    Qda + "TextSource",
                    new XAttribute("guid", Guids[i]),
                    new XAttribute("name", Names[i]),
                    path(i) is { } p ? new XAttribute("plainTextPath", p) : null,
                    richPath?.Invoke(i) is { } r ? new XAttribute("richTextPath", r) : null,
                    new XAttribute("creatingUser", UserA),
                    Codings
                        .Select((c, n) => (c, n))
                        .Where(x => x.c.Source == i)
                        .Select(x =>
                            Selection(
                                i,
                                x.c.Quote,
                                x.n,
                                new XElement(
                                    Qda + "Coding",
                                    new XAttribute("guid", $"C0000000-0000-4000-8000-{x.n:D12}"),
                                    new XAttribute("creatingUser", x.c.User),
                                    new XElement(Qda + "CodeRef", new XAttribute("targetGUID", x.c.Code))
                                )
                            )
                        )
                ))
        );
        var root = new XElement(
            Qda + "Project",
            new XAttribute("name", "Peer work — other tool"),
            new XAttribute("origin", origin),
            new XElement(
                Qda + "Users",
                new XElement(
                    Qda + "User",
                    new XAttribute("guid", UserA),
                    new XAttribute("name", "Ana"),
                    new XAttribute("id", "AN")
                ),
                new XElement(
                    Qda + "User",
                    new XAttribute("guid", UserB),
                    new XAttribute("name", "Ben"),
                    new XAttribute("id", "BE")
                )
            ),
            new XElement(
                Qda + "CodeBook",
                new XElement(
                    Qda + "Codes",
                    new XElement(
                        Qda + "Code",
                        new XAttribute("guid", Parent),
                        new XAttribute("name", "Barriers"),
                        new XAttribute("isCodable", "true"),
                        new XAttribute("color", "#FFC0392B"),
                        new XElement(
                            Qda + "Code",
                            new XAttribute("guid", Child),
                            new XAttribute("name", "Unclear role"),
                            new XAttribute("isCodable", "true")
                        )
                    ),
                    new XElement(
                        Qda + "Code",
                        new XAttribute("guid", Other),
                        new XAttribute("name", "Support"),
                        new XAttribute("isCodable", "true")
                    )
                )
            ),
            sources
        );
        extra?.Invoke(root);
        return TestFiles.Zip([
            ("project.qde", Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting))),
            .. Enumerable
                .Range(0, 2)
                .Where(i => entry(i) is not null)
                .Select(i => (entry(i)!, Encoding.UTF8.GetBytes(Text(i)))),
            .. Enumerable
                .Range(0, 2)
                .Where(i => richEntry?.Invoke(i) is not null)
                .Select(i => (richEntry!(i)!, TestFiles.Word(Paragraphs[i]))),
        ]);
    }

    /// <summary>A <c>PlainTextSelection</c> on the quote, its positions in code points.</summary>
    public static XElement Selection(int source, string quote, int n, params object[] content)
    {
        var text = Text(source);
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(at >= 0, quote);
        var start = TextPositions.ToCodePoints(text, at);
        return new XElement(
            Qda + "PlainTextSelection",
            new XAttribute("guid", SelectionGuid(n)),
            new XAttribute("startPosition", start),
            new XAttribute("endPosition", start + quote.EnumerateRunes().Count()),
            content
        );
    }

    public static string SelectionGuid(int n) => $"D0000000-0000-4000-8000-{n:D12}";

    /// <summary>Every coding of the fixtures was placed on its own words, by its own user and code.</summary>
    public static void AllPlaced(QdaProject project)
    {
        Assert.Equal(Codings.Length, project.Codings.Count);
        foreach (var (source, quote, code, user) in Codings)
            Assert.Contains(
                project.Codings,
                c =>
                    c.SourceGuid == Guids[source]
                    && project.Source(c.SourceGuid)!.Passage(c.Start, c.End) == quote
                    && c.UserId == (user == UserA ? "AN" : "BE")
                    && project.Codebook.Find(c.CodeId)!.Name
                        == (
                            code == Parent ? "Barriers"
                            : code == Child ? "Unclear role"
                            : "Support"
                        )
            );
    }
}
