using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A project to a REFI-QDA .qdpx: a zip of <c>project.qde</c> (schema <c>urn:QDA-XML:project:1.0</c>) and each
/// source's plain text as <c>sources/{guid}.txt</c> (UTF-8, no BOM). Codings are <c>PlainTextSelection</c>s (one per
/// coded span, holding every coder's <c>Coding</c>s on it) with positions in code points; memos are <c>Notes</c>
/// referred to from their source or passage, and from the code they are about. The same project gives the same bytes: name-based GUIDs, a fixed entry
/// order and timestamp, no creation dates but the codings' own.
/// </summary>
public static class QdpxWriter
{
    public static readonly XNamespace Namespace = "urn:QDA-XML:project:1.0";
    static readonly DateTimeOffset EntryTime = new(2019, 3, 18, 0, 0, 0, TimeSpan.Zero);
    static readonly UTF8Encoding Utf8 = new(false);

    public static byte[] Write(QdaProject project, string origin = "PipelineFunctions")
    {
        var xml = ProjectXml(project, origin);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "project.qde", xml);
            foreach (var source in project.Sources)
                Add(zip, $"sources/{source.Guid}.txt", source.PlainText);
        }
        return buffer.ToArray();
    }

    /// <summary>The <c>project.qde</c> document alone.</summary>
    public static string ProjectXml(QdaProject project, string origin = "PipelineFunctions")
    {
        Check(project);
        var doc = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Namespace + "Project",
                new XAttribute("name", project.Name),
                new XAttribute("origin", origin),
                project.Users.Count == 0 ? null : new XElement(Namespace + "Users", project.Users.Select(User)),
                project.Codebook.Codes.Count == 0
                    ? null
                    : new XElement(
                        Namespace + "CodeBook",
                        new XElement(Namespace + "Codes", Codes(project, parent: null))
                    ),
                project.Variables is { Count: > 0 } variables
                    ? new XElement(Namespace + "Variables", variables.Select(QdpxCasesXml.Variable))
                    : null,
                project.Cases is { Count: > 0 } cases
                    ? new XElement(Namespace + "Cases", cases.Select(c => QdpxCasesXml.Case(project, c)))
                    : null,
                project.Sources.Count == 0
                    ? null
                    : new XElement(Namespace + "Sources", project.Sources.Select(s => Source(project, s))),
                project.Notes.Count == 0 && !PassageSets(project).Any()
                    ? null
                    : new XElement(
                        Namespace + "Notes",
                        project.Notes.Select((n, i) => Note(project, n, i)),
                        PassageSets(project).Select(SetNote)
                    ),
                project.Sets is { Count: > 0 } sets
                    ? new XElement(Namespace + "Sets", sets.Select(s => QdpxCasesXml.Set(project, s)))
                    : null,
                project
                    .Notes.Select((n, i) => (n, i))
                    .Where(x => x.n is { SourceGuid: null, CodeId: null })
                    .Select(x => NoteRef(project, x.i))
            )
        );
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8,
            Indent = true,
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            doc.Save(writer);
        return Utf8.GetString(stream.ToArray());
    }

    static XElement User(QdaUser user) =>
        new(
            Namespace + "User",
            new XAttribute("guid", QdaGuids.User(user.Id)),
            new XAttribute("id", user.Id),
            new XAttribute("name", user.Name)
        );

    static IEnumerable<XElement> Codes(QdaProject project, string? parent) =>
        project
            .Codebook.Codes.Where(c => c.Parent == parent)
            .Select(code =>
            {
                var description = CodeDescription.Write(code);
                return new XElement(
                    Namespace + "Code",
                    new XAttribute("guid", QdaGuids.Code(project.Codebook, code.Id)),
                    new XAttribute("name", code.Name),
                    new XAttribute("isCodable", "true"),
                    CodeColours.Refi(code.Colour) is { } colour ? new XAttribute("color", colour) : null,
                    description.Length == 0 ? null : new XElement(Namespace + "Description", description),
                    project
                        .Notes.Select((n, i) => (n, i))
                        .Where(x => x.n.CodeId == code.Id)
                        .Select(x => NoteRef(project, x.i)),
                    Codes(project, code.Id)
                );
            });

    static XElement Source(QdaProject project, QdaSource source)
    {
        var codings = project.Codings.Where(c => Same(c.SourceGuid, source.Guid)).ToList();
        var notes = project
            .Notes.Select((n, i) => (Note: n, Index: i))
            .Where(x => x.Note.SourceGuid is { } g && Same(g, source.Guid))
            .ToList();
        var spans = codings
            .Select(c => (c.Start, c.End))
            .Concat(
                notes
                    .Where(x => x.Note.Start is not null)
                    .Select(x => (Start: x.Note.Start!.Value, End: x.Note.End!.Value))
            )
            .Concat(QdpxCasesXml.Passages(project, source).Select(p => (p.Start, p.End)))
            .Concat(SetPassages(project, source).Select(x => (x.Passage.Start, x.Passage.End)))
            .Distinct()
            .Order()
            .ToList();
        return new XElement(
            Namespace + "TextSource",
            new XAttribute("guid", source.Guid),
            new XAttribute("name", source.Name),
            new XAttribute("plainTextPath", $"internal://{source.Guid}.txt"),
            spans.Select(span => new XElement(
                Namespace + "PlainTextSelection",
                new XAttribute("guid", QdaGuids.Selection(source.Guid, span.Start, span.End)),
                new XAttribute("startPosition", TextPositions.ToCodePoints(source.PlainText, span.Start)),
                new XAttribute("endPosition", TextPositions.ToCodePoints(source.PlainText, span.End)),
                codings
                    .Where(c => (c.Start, c.End) == span)
                    .OrderBy(c => c.CodeId, StringComparer.Ordinal)
                    .ThenBy(c => c.UserId, StringComparer.Ordinal)
                    .Select(c => Coding(project, source, c)),
                notes
                    .Where(x => x.Note.Start == span.Start && x.Note.End == span.End)
                    .Select(x => NoteRef(project, x.Index)),
                SetPassages(project, source)
                    .Where(x => (x.Passage.Start, x.Passage.End) == span)
                    .Select(x => x.Set.Guid)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(g => new XElement(Namespace + "NoteRef", new XAttribute("targetGUID", QdaGuids.SetNote(g))))
            )),
            notes.Where(x => x.Note.Start is null).Select(x => NoteRef(project, x.Index)),
            QdpxCasesXml.Values(project, source.Values)
        );
    }

    static XElement Coding(QdaProject project, QdaSource source, QdaCoding coding) =>
        new(
            Namespace + "Coding",
            new XAttribute(
                "guid",
                QdaGuids.Coding(source.Guid, coding.Start, coding.End, coding.CodeId, coding.UserId)
            ),
            new XAttribute("creatingUser", QdaGuids.User(coding.UserId)),
            coding.CreatedAt is { } at ? new XAttribute("creationDateTime", Time(at)) : null,
            new XElement(
                Namespace + "CodeRef",
                new XAttribute("targetGUID", QdaGuids.Code(project.Codebook, coding.CodeId))
            )
        );

    static XElement Note(QdaProject project, QdaNote note, int index) =>
        new(
            Namespace + "Note",
            new XAttribute("guid", QdaGuids.Note(project.Name, index)),
            new XAttribute("name", $"Memo {index + 1}"),
            new XAttribute("creatingUser", QdaGuids.User(note.UserId)),
            note.CreatedAt is { } at ? new XAttribute("creationDateTime", Time(at)) : null,
            new XElement(Namespace + "PlainTextContent", note.Text)
        );

    /// <summary>The sets that hold passages, each written with a note of its own the passages refer to.</summary>
    internal static IEnumerable<QdaSet> PassageSets(QdaProject project) =>
        (project.Sets ?? []).Where(s => s.Passages is { Count: > 0 });

    static IEnumerable<(QdaSet Set, QdaSpan Passage)> SetPassages(QdaProject project, QdaSource source) =>
        PassageSets(project)
            .SelectMany(set => set.Passages!.Select(p => (Set: set, Passage: p)))
            .Where(x => Same(x.Passage.SourceGuid, source.Guid));

    static XElement SetNote(QdaSet set) =>
        new(
            Namespace + "Note",
            new XAttribute("guid", QdaGuids.SetNote(set.Guid)),
            new XAttribute("name", set.Name),
            new XElement(Namespace + "PlainTextContent", set.Description ?? set.Name)
        );

    static XElement NoteRef(QdaProject project, int index) =>
        new(Namespace + "NoteRef", new XAttribute("targetGUID", QdaGuids.Note(project.Name, index)));

    static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Everything the file refers to must be in it, and every offset inside its text.</summary>
    static void Check(QdaProject project)
    {
        var users = project.Users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var source in project.Sources)
            if (!System.Guid.TryParse(source.Guid, out _) || source.Guid.Contains('/'))
                throw new ArgumentException("Every source needs a GUID for its id.", nameof(project));
        foreach (var coding in project.Codings)
        {
            var source =
                project.Source(coding.SourceGuid)
                ?? throw new ArgumentException(
                    "A coding refers to a source that is not in the project.",
                    nameof(project)
                );
            if (project.Codebook.Find(coding.CodeId) is null)
                throw new ArgumentException(
                    $"A coding uses the code '{coding.CodeId}', which is not in the codebook.",
                    nameof(project)
                );
            if (!users.Contains(coding.UserId))
                throw new ArgumentException(
                    $"A coding is by '{coding.UserId}', who is not among the project's users.",
                    nameof(project)
                );
            CheckSpan(source, coding.Start, coding.End);
        }
        foreach (var note in project.Notes)
        {
            if (!users.Contains(note.UserId))
                throw new ArgumentException(
                    $"A memo is by '{note.UserId}', who is not among the project's users.",
                    nameof(project)
                );
            if (note.CodeId is not null && project.Codebook.Find(note.CodeId) is null)
                throw new ArgumentException(
                    $"A memo is about the code '{note.CodeId}', which is not in the codebook.",
                    nameof(project)
                );
            if (note.SourceGuid is null && note.Start is not null)
                throw new ArgumentException("A memo on a passage needs its source.", nameof(project));
            if (note.SourceGuid is null)
                continue;
            var source =
                project.Source(note.SourceGuid)
                ?? throw new ArgumentException(
                    "A memo refers to a source that is not in the project.",
                    nameof(project)
                );
            if (note.Start is null != note.End is null)
                throw new ArgumentException("A memo on a passage needs both its start and its end.", nameof(project));
            if (note.Start is { } start)
                CheckSpan(source, start, note.End!.Value);
        }
        QdpxCasesXml.Check(project);
    }

    internal static void CheckSpan(QdaSource source, int start, int end)
    {
        if (start < 0 || end < start || end > source.PlainText.Length)
            throw new ArgumentException("A coding or memo points outside its source's text.", nameof(source));
    }

    static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(Utf8.GetBytes(text));
    }
}
