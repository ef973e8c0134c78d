using System.Globalization;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;
using static PipelineFunctions.Core.Exchange.QdpxReader;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// One read of a project.qde: the maps from the file's GUIDs to our ids, built as the sections are read. Problems go to
/// <paramref name="findings"/>, which refuses the file (strict) or notes them and leaves out what they concern.
/// </summary>
sealed class ProjectReading(XElement root, QdpxArchive archive, Codebook? studyCodebook, QdpxLimits limits, ImportFindings findings)
{
    static readonly Dictionary<string, string> OtherSources = new(StringComparer.Ordinal)
    {
        ["PDFSource"] = "PDF", ["PictureSource"] = "Picture", ["AudioSource"] = "Audio", ["VideoSource"] = "Video",
    };

    const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;
    readonly List<QdaUser> users = [];
    readonly Dictionary<string, string> userIds = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> codeIds = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> colours = new(StringComparer.Ordinal);
    readonly List<QdaCoding> codings = [];
    readonly Dictionary<string, (string Source, int? Start, int? End)> noteTargets = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, QdaSpan> selections = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> noteCodes = new(StringComparer.OrdinalIgnoreCase);
    CasesReading? cases;

    public QdaProject Read()
    {
        var name = (string?)root.Attribute("name") ?? "";
        foreach (var user in Child(root, "Users") is { } u ? Children(u, "User") : []) AddUser((string?)user.Attribute("guid"), (string?)user.Attribute("id"), (string?)user.Attribute("name"));
        var codebook = ReadCodebook(studyCodebook?.Name ?? (name.Length > 0 ? name : "Imported codebook"));
        cases = new CasesReading(root, findings);
        var sources = (Child(root, "Sources") is { } s ? s.Elements() : []).Select(ReadAnySource).OfType<QdaSource>().ToList();
        var notes = (Child(root, "Notes") is { } n ? Children(n, "Note") : []).Select(ReadNote).ToList();
        var placed = sources.Select(x => x.Guid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new QdaProject(name, users, codebook, sources, codings, notes, colours,
            cases.Variables, cases.Cases(placed, selections), cases.Sets(placed, codeIds));
    }

    /// <summary>A text source, or null: other kinds are listed in the report (their codings not placed) and left out.</summary>
    QdaSource? ReadAnySource(XElement element, int index)
    {
        var number = index + 1;
        if (element.Name.LocalName == "TextSource") return ReadSource(element, number);
        var kind = OtherSources.GetValueOrDefault(element.Name.LocalName, element.Name.LocalName);
        var codingsThere = element.Descendants().Count(e => e.Name.LocalName == "Coding");
        var reason = $"Source {number} is a {kind} source; only text is imported, so it is listed but not coded here.";
        findings.Sources.Add(new QdpxSourceReport(number, (string?)element.Attribute("guid") ?? "", (string?)element.Attribute("name") ?? "", kind, false, 0, 0, codingsThere, reason));
        // Before reports existed such sources were left out silently; a strict read still does not refuse them.
        if (findings.IsStrict) return null;
        findings.Add(QdpxProblem.UnsupportedSource, reason, codingsThere);
        // A PDF's text representation may hold PlainTextSelections; they are counted in the codings above, not here.
        var regions = element.Descendants().Where(e => e.Name.LocalName.EndsWith("Selection", StringComparison.Ordinal) && e.Name.LocalName != "PlainTextSelection")
            .GroupBy(e => e.Name.LocalName);
        foreach (var region in regions)
            findings.Add(QdpxProblem.UnsupportedSelection, $"Source {number} has {region.Count()} {region.Key} selection(s), which are not of plain text.");
        var memos = element.Descendants().Count(e => e.Name.LocalName == "NoteRef");
        if (memos > 0)
            findings.Add(QdpxProblem.UnsupportedSource, $"{memos} memo(s) on source {number} were kept as memos on the project, since the source is not imported.");
        return null;
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
            foreach (var note in Children(element, "NoteRef"))
                if ((string?)note.Attribute("targetGUID") is { } target) noteCodes.TryAdd(target, id);
            result.Add(CodeDescription.Read(id, Name(element), parent is null ? null : ids[parent], Child(element, "Description")?.Value ?? ""));
        }
        return new Codebook(name, result);
    }

    static string Name(XElement code) => (string?)code.Attribute("name") is { Length: > 0 } name
        ? name : throw new QdpxRejectedException(QdpxProblem.BrokenReference, "A code in the codebook has no name.");

    QdaSource? ReadSource(XElement source, int number)
    {
        var guid = (string?)source.Attribute("guid") ?? throw new QdpxRejectedException(QdpxProblem.BrokenReference, $"Source {number} has no GUID.");
        var name = (string?)source.Attribute("name") ?? guid;
        var inFile = source.Descendants().Count(e => e.Name.LocalName == "Coding");
        var (text, missing) = SourceTextOf(source, number);
        if (text is null)
        {
            // The codings are lost with the text they select; the report says how many.
            findings.Add(missing!.Value.Problem, missing.Value.Message, inFile);
            findings.Sources.Add(new QdpxSourceReport(number, guid, name, "Text", false, 0, 0, inFile, missing.Value.Message));
            return null;
        }
        var before = codings.Count;
        var creator = (string?)source.Attribute("creatingUser");
        foreach (var selection in Children(source, "PlainTextSelection"))
        {
            if (Position(selection, "startPosition", text) is not { } start || Position(selection, "endPosition", text) is not { } end)
            {
                findings.Add(QdpxProblem.PositionOutOfRange, $"A coded passage in source {number} has a position outside its text.", Children(selection, "Coding").Count());
                continue;
            }
            if (end < start) (start, end) = (end, start);
            if ((string?)selection.Attribute("guid") is { } selectionGuid) selections.TryAdd(selectionGuid, new QdaSpan(guid, start, end));
            foreach (var coding in Children(selection, "Coding"))
                AddCoding(coding, guid, start, end, number, (string?)selection.Attribute("creatingUser"), creator);
            foreach (var note in Children(selection, "NoteRef")) NoteTarget(note, guid, start, end);
        }
        foreach (var coding in Children(source, "Coding")) AddCoding(coding, guid, 0, text.Text.Length, number, creator);
        foreach (var note in Children(source, "NoteRef")) NoteTarget(note, guid, null, null);
        var placed = codings.Count - before;
        findings.Sources.Add(new QdpxSourceReport(number, guid, name, "Text", true, text.Text.EnumerateRunes().Count(), placed, inFile - placed));
        return new QdaSource(guid, name, text.Text, Values: cases!.ValuesOf(source));
    }

    void AddCoding(XElement coding, string source, int start, int end, int number, params string?[] fallbackUsers)
    {
        var target = (string?)(Child(coding, "CodeRef")?.Attribute("targetGUID"));
        if (target is null || !codeIds.TryGetValue(target, out var code))
        {
            findings.Add(QdpxProblem.BrokenReference, $"A coding in source {number} refers to a code that is not in the codebook.", 1);
            return;
        }
        var user = User([(string?)coding.Attribute("creatingUser"), .. fallbackUsers, (string?)root.Attribute("creatingUserGUID")]);
        codings.Add(new QdaCoding(source, start, end, code, user, Time(coding)));
    }

    void NoteTarget(XElement noteRef, string source, int? start, int? end)
    {
        if ((string?)noteRef.Attribute("targetGUID") is { } target) noteTargets.TryAdd(target, (source, start, end));
    }

    QdaNote ReadNote(XElement note, int index)
    {
        var text = Child(note, "PlainTextContent")?.Value is { } content ? SourceText.FromString(content).Text : TextAt(note, "plainTextPath").Text?.Text ?? "";
        var user = User((string?)note.Attribute("creatingUser"), (string?)root.Attribute("creatingUserGUID"));
        var guid = (string?)note.Attribute("guid");
        var attached = guid is not null && noteTargets.TryGetValue(guid, out var t) ? t : default;
        return new QdaNote(text, user, attached.Source, attached.Start, attached.End, Time(note), guid is not null ? noteCodes.GetValueOrDefault(guid) : null);
    }

    /// <summary>
    /// The plain text, or the Word rendering when the plain text is empty or absent (NVivo writes a one-byte text beside
    /// its .docx; other tools give only the .docx). Null, with the reason, when neither can be read.
    /// </summary>
    (SourceText? Text, (QdpxProblem Problem, string Message)? Missing) SourceTextOf(XElement source, int number)
    {
        if (Child(source, "PlainTextContent")?.Value is { } content) return (SourceText.FromString(content), null);
        var plain = TextAt(source, "plainTextPath");
        if (plain.Text is not null && !string.IsNullOrWhiteSpace(plain.Text.Text)) return (plain.Text, null);
        var rich = SourcePaths.Entries((string?)source.Attribute("richTextPath")).Where(e => e.EndsWith(".docx", IgnoreCase))
            .Select(archive.Read).FirstOrDefault(bytes => bytes is not null);
        if (rich is not null)
            return SourceText.FromWord(rich, limits.Zip.MaxEntryBytes) is { } word ? (word, null)
                : (null, (QdpxProblem.InvalidText, $"The Word rendering of source {number} is damaged."));
        if (plain.Text is not null) return (plain.Text, null);
        return (null, plain.Found
            ? (QdpxProblem.InvalidText, $"The text of source {number} is not valid UTF-8 or UTF-16 text.")
            : (QdpxProblem.MissingSourceText, $"The text of source {number} is not in the project file."));
    }

    /// <summary>The text a path attribute names, tried at each place <see cref="SourcePaths"/> resolves it to; whether a file was there.</summary>
    (SourceText? Text, bool Found) TextAt(XElement element, string attribute)
    {
        var content = SourcePaths.Entries((string?)element.Attribute(attribute)).Select(archive.Read).FirstOrDefault(bytes => bytes is not null);
        return content is null ? (null, false) : (SourceText.Decode(content), true);
    }

    static int? Position(XElement selection, string attribute, SourceText text)
    {
        var offset = long.TryParse((string?)selection.Attribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) ? text.Offset(position) : -1;
        return offset >= 0 ? offset : null;
    }

    static DateTimeOffset? Time(XElement element) =>
        DateTimeOffset.TryParse((string?)element.Attribute("creationDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    static string FirstOf(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
