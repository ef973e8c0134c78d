using System.Globalization;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;
using static PipelineFunctions.Core.Exchange.QdpxReader;

namespace PipelineFunctions.Core.Exchange;

/// <summary>One read of a project.qde: the maps from the file's GUIDs to our ids, built as the sections are read.</summary>
sealed class ProjectReading(XElement root, QdpxArchive archive, Codebook? studyCodebook, QdpxLimits limits)
{
    const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;
    readonly List<QdaUser> users = [];
    readonly Dictionary<string, string> userIds = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> codeIds = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> colours = new(StringComparer.Ordinal);
    readonly List<QdaCoding> codings = [];
    readonly Dictionary<string, (string Source, int? Start, int? End)> noteTargets = new(StringComparer.OrdinalIgnoreCase);

    public QdaProject Read()
    {
        var name = (string?)root.Attribute("name") ?? "";
        foreach (var user in Child(root, "Users") is { } u ? Children(u, "User") : []) AddUser((string?)user.Attribute("guid"), (string?)user.Attribute("id"), (string?)user.Attribute("name"));
        var codebook = ReadCodebook(studyCodebook?.Name ?? (name.Length > 0 ? name : "Imported codebook"));
        var sources = (Child(root, "Sources") is { } s ? Children(s, "TextSource") : []).Select(ReadSource).ToList();
        var notes = (Child(root, "Notes") is { } n ? Children(n, "Note") : []).Select(ReadNote).ToList();
        return new QdaProject(name, users, codebook, sources, codings, notes, colours);
    }

    public Codebook ReadCodebookOnly() => ReadCodebook(studyCodebook?.Name ?? ((string?)root.Attribute("name") is { Length: > 0 } name ? name : "Imported codebook"));

    string AddUser(string? guid, string? id, string? name)
    {
        var wanted = FirstOf(id, name, guid, "unknown");
        var unique = wanted;
        for (var n = 2; users.Any(u => u.Id == unique); n++) unique = $"{wanted}-{n}";
        users.Add(new QdaUser(unique, FirstOf(name, unique)));
        if (guid is not null) userIds[guid] = unique;
        return unique;
    }

    /// <summary>The coder behind a GUID; a GUID the Users list lacks, or none at all, becomes a user of its own.</summary>
    string User(params string?[] guids)
    {
        var guid = guids.FirstOrDefault(g => !string.IsNullOrWhiteSpace(g));
        if (guid is null) return users.FirstOrDefault(u => u.Id == "unknown")?.Id ?? AddUser(null, "unknown", "unknown");
        return userIds.TryGetValue(guid, out var id) ? id : AddUser(guid, null, null);
    }

    Codebook ReadCodebook(string name)
    {
        var all = new List<(XElement Element, XElement? Parent)>();
        void Walk(XElement element, XElement? parent)
        {
            all.Add((element, parent));
            foreach (var child in Children(element, "Code")) Walk(child, element);
        }
        if (Child(root, "CodeBook") is { } book && Child(book, "Codes") is { } codes)
            foreach (var code in Children(codes, "Code")) Walk(code, null);

        // The study's own codes first, by the GUIDs our export gives them; then the rest by name.
        var ids = new Dictionary<XElement, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, _) in all)
            if (studyCodebook?.Codes.FirstOrDefault(c => string.Equals(QdaGuids.Code(studyCodebook, c.Id), (string?)element.Attribute("guid"), IgnoreCase)) is { } known
                && taken.Add(known.Id))
                ids[element] = known.Id;
        foreach (var (element, _) in all.Where(x => !ids.ContainsKey(x.Element)))
        {
            var slug = CodebookQdc.Slug(Name(element));
            var id = slug;
            for (var n = 2; !taken.Add(id); n++) id = $"{slug}-{n}";
            ids[element] = id;
        }

        var result = new List<Code>();
        foreach (var (element, parent) in all)
        {
            var id = ids[element];
            if ((string?)element.Attribute("guid") is { } guid) codeIds.TryAdd(guid, id);
            if (CodeColour.Read((string?)element.Attribute("color")) is { } colour) colours[id] = colour;
            result.Add(CodeDescription.Read(id, Name(element), parent is null ? null : ids[parent], Child(element, "Description")?.Value ?? ""));
        }
        return new Codebook(name, result);
    }

    static string Name(XElement code) => (string?)code.Attribute("name") is { Length: > 0 } name
        ? name : throw new QdpxRejectedException(QdpxProblem.BrokenReference, "A code in the codebook has no name.");

    QdaSource ReadSource(XElement source, int index)
    {
        var number = index + 1;
        var guid = (string?)source.Attribute("guid") ?? throw new QdpxRejectedException(QdpxProblem.BrokenReference, $"Source {number} has no GUID.");
        var text = SourceTextOf(source, number);
        var creator = (string?)source.Attribute("creatingUser");
        foreach (var selection in Children(source, "PlainTextSelection"))
        {
            var (start, end) = (Position(selection, "startPosition", text, number), Position(selection, "endPosition", text, number));
            if (end < start) (start, end) = (end, start);
            foreach (var coding in Children(selection, "Coding"))
                AddCoding(coding, guid, start, end, number, (string?)selection.Attribute("creatingUser"), creator);
            foreach (var note in Children(selection, "NoteRef")) NoteTarget(note, guid, start, end);
        }
        foreach (var coding in Children(source, "Coding")) AddCoding(coding, guid, 0, text.Text.Length, number, creator);
        foreach (var note in Children(source, "NoteRef")) NoteTarget(note, guid, null, null);
        return new QdaSource(guid, (string?)source.Attribute("name") ?? guid, text.Text);
    }

    void AddCoding(XElement coding, string source, int start, int end, int number, params string?[] fallbackUsers)
    {
        var target = (string?)(Child(coding, "CodeRef")?.Attribute("targetGUID"));
        if (target is null || !codeIds.TryGetValue(target, out var code))
            throw new QdpxRejectedException(QdpxProblem.BrokenReference, $"A coding in source {number} refers to a code that is not in the codebook.");
        var user = User([(string?)coding.Attribute("creatingUser"), .. fallbackUsers, (string?)root.Attribute("creatingUserGUID")]);
        codings.Add(new QdaCoding(source, start, end, code, user, Time(coding)));
    }

    void NoteTarget(XElement noteRef, string source, int? start, int? end)
    {
        if ((string?)noteRef.Attribute("targetGUID") is { } target) noteTargets.TryAdd(target, (source, start, end));
    }

    QdaNote ReadNote(XElement note, int index)
    {
        var text = Child(note, "PlainTextContent")?.Value is { } content ? SourceText.FromString(content).Text : InternalText(note, "plainTextPath", index + 1)?.Text ?? "";
        var user = User((string?)note.Attribute("creatingUser"), (string?)root.Attribute("creatingUserGUID"));
        var attached = (string?)note.Attribute("guid") is { } guid && noteTargets.TryGetValue(guid, out var t) ? t : default;
        return new QdaNote(text, user, attached.Source, attached.Start, attached.End, Time(note));
    }

    /// <summary>The plain text, or the Word rendering when NVivo left the plain text empty.</summary>
    SourceText SourceTextOf(XElement source, int number)
    {
        if (Child(source, "PlainTextContent")?.Value is { } content) return SourceText.FromString(content);
        var plain = InternalText(source, "plainTextPath", number);
        if (plain is not null && !string.IsNullOrWhiteSpace(plain.Text)) return plain;
        if (InternalEntry((string?)source.Attribute("richTextPath")) is { } rich && rich.EndsWith(".docx", IgnoreCase) && archive.Read(rich) is { } word)
            return SourceText.FromWord(word, limits.Zip.MaxEntryBytes)
                ?? throw new QdpxRejectedException(QdpxProblem.InvalidText, $"The Word rendering of source {number} is damaged.");
        return plain ?? throw new QdpxRejectedException(QdpxProblem.MissingSourceText, $"The text of source {number} is not in the project file.");
    }

    SourceText? InternalText(XElement element, string attribute, int number)
    {
        if (InternalEntry((string?)element.Attribute(attribute)) is not { } path || archive.Read(path) is not { } content) return null;
        return SourceText.Decode(content) ?? throw new QdpxRejectedException(QdpxProblem.InvalidText, $"The text of source {number} is not valid UTF-8 or UTF-16 text.");
    }

    /// <summary><c>internal://name</c> is <c>sources/name</c> inside the archive (the folder's case is matched loosely).</summary>
    static string? InternalEntry(string? path)
    {
        const string scheme = "internal://";
        if (path is null || !path.StartsWith(scheme, IgnoreCase)) return null;
        var entry = "sources/" + path[scheme.Length..];
        return Transcripts.ZipGuard.IsSafeEntryName(entry) ? entry : null;
    }

    static int Position(XElement selection, string attribute, SourceText text, int number)
    {
        var offset = long.TryParse((string?)selection.Attribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) ? text.Offset(position) : -1;
        return offset >= 0 ? offset
            : throw new QdpxRejectedException(QdpxProblem.PositionOutOfRange, $"A coded passage in source {number} has a position outside its text.");
    }

    static DateTimeOffset? Time(XElement element) =>
        DateTimeOffset.TryParse((string?)element.Attribute("creationDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    static string FirstOf(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
