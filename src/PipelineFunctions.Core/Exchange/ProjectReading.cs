using System.Globalization;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;
using static PipelineFunctions.Core.Exchange.QdpxReader;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// One read of a project.qde: the maps from the file's GUIDs to our ids, built as the sections are read. Problems go to
/// <paramref name="findings"/>, which refuses the file (strict) or notes them and leaves out what they concern.
/// </summary>
sealed class ProjectReading(
    XElement root,
    QdpxArchive archive,
    Codebook? studyCodebook,
    QdpxLimits limits,
    ImportFindings findings
)
{
    static readonly Dictionary<string, string> OtherSources = new(StringComparer.Ordinal)
    {
        ["PDFSource"] = "PDF",
        ["PictureSource"] = "Picture",
        ["AudioSource"] = "Audio",
        ["VideoSource"] = "Video",
    };

    const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;
    readonly List<QdaUser> users = [];
    readonly Dictionary<string, string> userIds = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> codeIds = new(StringComparer.OrdinalIgnoreCase);
    readonly List<QdaCoding> codings = [];

    /// <summary>What each note is on, by its GUID: a memo may be linked to several passages (ATLAS.ti links one to
    /// many quotations), each kept.</summary>
    readonly Dictionary<string, List<(string Source, int? Start, int? End)>> noteTargets = new(
        StringComparer.OrdinalIgnoreCase
    );
    readonly Dictionary<string, QdaSpan> selections = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> noteCodes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every passage that refers to a note, by the note's GUID: a set's note names its passages this way.</summary>
    readonly Dictionary<string, List<QdaSpan>> noteSpans = new(StringComparer.OrdinalIgnoreCase);
    CasesReading? cases;

    public QdaProject Read()
    {
        var name = (string?)root.Attribute("name") ?? "";
        ProjectElements.Report(root, findings);
        foreach (var user in Child(root, "Users") is { } u ? Children(u, "User") : [])
            AddUser((string?)user.Attribute("guid"), (string?)user.Attribute("id"), (string?)user.Attribute("name"));
        var codebook = ReadCodebook(studyCodebook?.Name ?? (name.Length > 0 ? name : "Imported codebook"));
        cases = new CasesReading(root, findings);
        var sources = (Child(root, "Sources") is { } s ? s.Elements() : [])
            .SelectMany(ReadAnySource)
            .OfType<QdaSource>()
            .ToList();
        // A set's own note carries its passages (and its text the set's description): it is no coder's memo.
        var all = (Child(root, "Notes") is { } n ? Children(n, "Note") : [])
            .Select((e, i) => (Element: e, Index: i, Guid: (string?)e.Attribute("guid")))
            .ToLookup(x => x.Guid is not null && cases.MemberNotes.Contains(x.Guid));
        var (setNotes, notes) = (all[true], all[false]);
        var placed = sources.Select(x => x.Guid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var texts = setNotes
            .GroupBy(x => x.Guid!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => NoteText(g.First().Element), StringComparer.OrdinalIgnoreCase);
        var sets = cases.Sets(
            placed,
            codeIds,
            g => noteSpans.TryGetValue(g, out var spans) ? spans : [],
            g => texts.GetValueOrDefault(g)
        );
        return new QdaProject(
            name,
            users,
            codebook,
            sources,
            codings,
            notes.SelectMany(x => ReadNote(x.Element, x.Index)).ToList(),
            cases.Variables,
            cases.Cases(placed, selections),
            sets
        );
    }

    /// <summary>
    /// A source as text, or null. A PDF is read on its text representation (its <c>Representation</c>, coded by
    /// <c>PlainTextSelection</c>s as ATLAS.ti writes it); audio and video on their transcripts (<c>Transcript</c>, coded by
    /// <c>TranscriptSelection</c>s between <c>SyncPoint</c>s, as QualCoder writes them). What has no text is listed in the
    /// report (its codings not placed) and left out; so are region and time selections, which select no text.
    /// </summary>
    IEnumerable<QdaSource?> ReadAnySource(XElement element, int index)
    {
        var number = index + 1;
        var local = element.Name.LocalName;
        if (local == "TextSource")
        {
            yield return ReadSource(element, element, number, "Text");
            yield break;
        }
        var kind = OtherSources.GetValueOrDefault(local, local);
        var texts = local switch
        {
            "PDFSource" => Children(element, "Representation").Take(1).ToList(),
            "AudioSource" or "VideoSource" => Children(element, "Transcript").ToList(),
            _ => [],
        };
        if (texts.Count > 0)
        {
            for (var i = 0; i < texts.Count; i++)
                yield return ReadSource(texts[i], i == 0 ? element : texts[i], number, kind, i == 0 ? element : null);
            ReportUntextual(element, number, local == "PDFSource" ? "PDFSelection" : null, placed: true);
            yield break;
        }
        var codingsThere = element.Descendants().Count(e => e.Name.LocalName == "Coding");
        var reason =
            $"Source {number} is a {kind} source with no text in the file (no text representation or transcript), so it is listed but not coded here.";
        findings.Sources.Add(
            new QdpxSourceReport(
                number,
                (string?)element.Attribute("guid") ?? "",
                (string?)element.Attribute("name") ?? "",
                kind,
                false,
                0,
                0,
                codingsThere,
                reason
            )
        );
        // Before reports existed such sources were left out silently; a strict read still does not refuse them.
        if (findings.IsStrict)
            yield break;
        findings.Add(QdpxProblem.UnsupportedSource, reason, codingsThere);
        ReportUntextual(element, number, null, placed: false);
    }

    /// <summary>Selections of regions or stretches of time, and memos on a source that is not imported: reported.</summary>
    void ReportUntextual(XElement element, int number, string? only, bool placed)
    {
        if (findings.IsStrict)
            return;
        var regions = element
            .Descendants()
            .Where(e =>
                e.Name.LocalName.EndsWith("Selection", StringComparison.Ordinal)
                && e.Name.LocalName is not ("PlainTextSelection" or "TranscriptSelection")
                && (only is null || e.Name.LocalName == only)
            )
            .GroupBy(e => e.Name.LocalName);
        foreach (var region in regions)
            // Where the source is not placed, its report already counts these codings as not placed.
            findings.Add(
                QdpxProblem.UnsupportedSelection,
                $"Source {number} has {region.Count()} {region.Key} selection(s), which are not of plain text.",
                placed ? region.Sum(r => Children(r, "Coding").Count()) : 0
            );
        if (placed)
            return;
        var memos = element.Descendants().Count(e => e.Name.LocalName == "NoteRef");
        if (memos > 0)
            findings.Add(
                QdpxProblem.UnsupportedSource,
                $"{memos} memo(s) on source {number} were kept as memos on the project, since the source is not imported."
            );
    }

    public Codebook ReadCodebookOnly() =>
        ReadCodebook(
            studyCodebook?.Name
                ?? ((string?)root.Attribute("name") is { Length: > 0 } name ? name : "Imported codebook")
        );

    string AddUser(string? guid, string? id, string? name)
    {
        var wanted = FirstOf(id, name, guid, "unknown");
        var unique = wanted;
        for (var n = 2; users.Any(u => u.Id == unique); n++)
            unique = $"{wanted}-{n}";
        users.Add(new QdaUser(unique, FirstOf(name, unique)));
        if (guid is not null)
            userIds[guid] = unique;
        return unique;
    }

    /// <summary>The coder behind a GUID; a GUID the Users list lacks, or none at all, becomes a user of its own.</summary>
    string User(params string?[] guids)
    {
        var guid = guids.FirstOrDefault(g => !string.IsNullOrWhiteSpace(g));
        if (guid is null)
            return users.FirstOrDefault(u => u.Id == "unknown")?.Id ?? AddUser(null, "unknown", "unknown");
        return userIds.TryGetValue(guid, out var id) ? id : AddUser(guid, null, null);
    }

    Codebook ReadCodebook(string name)
    {
        var all = new List<(XElement Element, XElement? Parent)>();
        void Walk(XElement element, XElement? parent)
        {
            all.Add((element, parent));
            foreach (var child in Children(element, "Code"))
                Walk(child, element);
        }
        if (Child(root, "CodeBook") is { } book && Child(book, "Codes") is { } codes)
            foreach (var code in Children(codes, "Code"))
                Walk(code, null);

        // The study's own codes first, by the GUIDs our export gives them; then the rest by name.
        var ids = new Dictionary<XElement, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, _) in all)
            if (
                studyCodebook?.Codes.FirstOrDefault(c =>
                    string.Equals(QdaGuids.Code(studyCodebook, c.Id), (string?)element.Attribute("guid"), IgnoreCase)
                )
                    is { } known
                && taken.Add(known.Id)
            )
                ids[element] = known.Id;
        foreach (var (element, _) in all.Where(x => !ids.ContainsKey(x.Element)))
        {
            var slug = CodebookQdc.Slug(Name(element));
            var id = slug;
            for (var n = 2; !taken.Add(id); n++)
                id = $"{slug}-{n}";
            ids[element] = id;
        }

        var result = new List<Code>();
        foreach (var (element, parent) in all)
        {
            var id = ids[element];
            if ((string?)element.Attribute("guid") is { } guid)
                codeIds.TryAdd(guid, id);
            foreach (var note in Children(element, "NoteRef"))
                if ((string?)note.Attribute("targetGUID") is { } target)
                    noteCodes.TryAdd(target, id);
            result.Add(
                CodeDescription.Read(
                    id,
                    Name(element),
                    parent is null ? null : ids[parent],
                    Child(element, "Description")?.Value ?? ""
                ) with
                {
                    Colour = CodeColours.Read((string?)element.Attribute("color")),
                }
            );
        }
        return new Codebook(name, result);
    }

    static string Name(XElement code) =>
        (string?)code.Attribute("name") is { Length: > 0 } name
            ? name
            : throw new QdpxRejectedException(QdpxProblem.BrokenReference, "A code in the codebook has no name.");

    /// <param name="text">The element holding the text and its selections (a TextSource, a PDF's Representation, a Transcript).</param>
    /// <param name="named">The element whose GUID and name the source takes (the PDF or the recording for its first text).</param>
    /// <param name="outer">A PDF or recording whose own whole-source codings and memos apply to this text.</param>
    QdaSource? ReadSource(XElement text, XElement named, int number, string kind, XElement? outer = null)
    {
        var guid =
            (string?)named.Attribute("guid")
            ?? throw new QdpxRejectedException(QdpxProblem.BrokenReference, $"Source {number} has no GUID.");
        var name = (string?)named.Attribute("name") ?? (string?)(outer ?? text).Attribute("name") ?? guid;
        // A PDF's or recording's codings outside its texts (whole-source, regions, stretches of time) count with its first text.
        var inFile =
            text.Descendants().Count(e => e.Name.LocalName == "Coding")
            + (
                outer is null
                    ? 0
                    : outer
                        .Descendants()
                        .Count(e =>
                            e.Name.LocalName == "Coding"
                            && !e.Ancestors().Any(a => a.Name.LocalName is "Representation" or "Transcript")
                        )
            );
        var (content, missing) = SourceTextOf(text, number);
        if (content is null)
        {
            // The codings are lost with the text they select; the report says how many.
            findings.Add(missing!.Value.Problem, missing.Value.Message, inFile);
            findings.Sources.Add(
                new QdpxSourceReport(number, guid, name, kind, false, 0, 0, inFile, missing.Value.Message)
            );
            return null;
        }
        var before = codings.Count;
        var creator = (string?)text.Attribute("creatingUser") ?? (string?)outer?.Attribute("creatingUser");
        var spans = Spans(text, number, content);
        var twice = LineBreakCount.Choose(content, spans.Select(x => x.Span).ToList());
        if (twice)
            findings.Note(
                QdpxProblem.LineBreaksCountedTwice,
                $"The positions in source {number} count each line break as two characters (CR LF, as NVivo counts them); they were read that way, which places every coding on its text."
            );
        foreach (var (selection, span) in spans)
        {
            if (content.At(span.Start, twice) is not { } start || content.At(span.End, twice) is not { } end)
            {
                findings.Add(
                    QdpxProblem.PositionOutOfRange,
                    $"A coded passage in source {number} has a position outside its text.",
                    Children(selection, "Coding").Count()
                );
                continue;
            }
            if (end < start)
                (start, end) = (end, start);
            if ((string?)selection.Attribute("guid") is { } selectionGuid)
                selections.TryAdd(selectionGuid, new QdaSpan(guid, start, end));
            foreach (var coding in Children(selection, "Coding"))
                AddCoding(coding, guid, start, end, number, (string?)selection.Attribute("creatingUser"), creator);
            foreach (var note in Children(selection, "NoteRef"))
            {
                NoteTarget(note, guid, start, end);
                if ((string?)note.Attribute("targetGUID") is { } target)
                    (noteSpans.TryGetValue(target, out var referring) ? referring : noteSpans[target] = []).Add(
                        new QdaSpan(guid, start, end)
                    );
            }
        }
        foreach (var whole in new[] { text, outer }.OfType<XElement>())
        {
            foreach (var coding in Children(whole, "Coding"))
                AddCoding(coding, guid, 0, content.Text.Length, number, creator);
            foreach (var note in Children(whole, "NoteRef"))
                NoteTarget(note, guid, null, null);
        }
        var placed = codings.Count - before;
        findings.Sources.Add(
            new QdpxSourceReport(
                number,
                guid,
                name,
                kind,
                true,
                content.Text.EnumerateRunes().Count(),
                placed,
                inFile - placed,
                LineBreaksCountedTwice: twice
            )
        );
        return new QdaSource(guid, name, content.Text, Values: cases!.ValuesOf(outer ?? text));
    }

    /// <summary>
    /// Each selection with its positions as the file gives them: a <c>PlainTextSelection</c>'s start and end, a
    /// <c>TranscriptSelection</c>'s from the positions of its sync points. Unreadable ones are reported here.
    /// </summary>
    List<(XElement Selection, LineBreakCount.Selection Span)> Spans(XElement text, int number, SourceText content)
    {
        var spans = new List<(XElement, LineBreakCount.Selection)>();
        foreach (var selection in Children(text, "PlainTextSelection"))
        {
            if (Number(selection, "startPosition") is { } start && Number(selection, "endPosition") is { } end)
                spans.Add((selection, new(start, end, (string?)selection.Attribute("name"))));
            else
                findings.Add(
                    QdpxProblem.PositionOutOfRange,
                    $"A coded passage in source {number} has a position outside its text.",
                    Children(selection, "Coding").Count()
                );
        }
        var syncs = Children(text, "SyncPoint")
            .Where(p => (string?)p.Attribute("guid") is not null)
            .GroupBy(p => (string)p.Attribute("guid")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Number(g.First(), "position"), StringComparer.OrdinalIgnoreCase);
        foreach (var selection in Children(text, "TranscriptSelection"))
        {
            long? At(string attribute) =>
                (string?)selection.Attribute(attribute) is { } id && syncs.TryGetValue(id, out var p) ? p : null;
            // A selection with no start runs from the beginning, one with no end to the end (the schema makes both optional).
            var (from, to) = (
                (string?)selection.Attribute("fromSyncPoint") is null ? 0 : At("fromSyncPoint"),
                (string?)selection.Attribute("toSyncPoint") is null
                    ? content.Text.EnumerateRunes().Count()
                    : At("toSyncPoint")
            );
            if (from is { } start && to is { } end)
                spans.Add((selection, new(start, end, (string?)selection.Attribute("name"))));
            else
                findings.Add(
                    QdpxProblem.BrokenReference,
                    $"A coded passage in the transcript of source {number} refers to a sync point that is not in it.",
                    Children(selection, "Coding").Count()
                );
        }
        return spans;
    }

    static long? Number(XElement element, string attribute) =>
        long.TryParse(
            (string?)element.Attribute(attribute),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var n
        )
        && n >= 0
            ? n
            : null;

    void AddCoding(XElement coding, string source, int start, int end, int number, params string?[] fallbackUsers)
    {
        var target = (string?)(Child(coding, "CodeRef")?.Attribute("targetGUID"));
        if (target is null || !codeIds.TryGetValue(target, out var code))
        {
            findings.Add(
                QdpxProblem.BrokenReference,
                $"A coding in source {number} refers to a code that is not in the codebook.",
                1
            );
            return;
        }
        var user = User([
            (string?)coding.Attribute("creatingUser"),
            .. fallbackUsers,
            (string?)root.Attribute("creatingUserGUID"),
        ]);
        codings.Add(new QdaCoding(source, start, end, code, user, Time(coding)));
    }

    void NoteTarget(XElement noteRef, string source, int? start, int? end)
    {
        if ((string?)noteRef.Attribute("targetGUID") is { } target)
            (noteTargets.TryGetValue(target, out var on) ? on : noteTargets[target] = []).Add((source, start, end));
    }

    string NoteText(XElement note) =>
        Child(note, "PlainTextContent")?.Value is { } content
            ? SourceText.FromString(content).Text
            : TextAt(note, "plainTextPath").Text?.Text ?? "";

    /// <summary>A note as a memo on each thing it is linked to (the project, when to nothing placed).</summary>
    IEnumerable<QdaNote> ReadNote(XElement note, int index)
    {
        var text = NoteText(note);
        var user = User((string?)note.Attribute("creatingUser"), (string?)root.Attribute("creatingUserGUID"));
        var guid = (string?)note.Attribute("guid");
        var code = guid is not null ? noteCodes.GetValueOrDefault(guid) : null;
        List<(string? Source, int? Start, int? End)> targets =
            guid is not null && noteTargets.TryGetValue(guid, out var on) ? [.. on.Distinct()] : [(null, null, null)];
        return targets.Select(t => new QdaNote(text, user, t.Source, t.Start, t.End, Time(note), code));
    }

    /// <summary>
    /// The plain text, or the Word rendering when the plain text is empty or absent (NVivo writes a one-byte text beside
    /// its .docx; other tools give only the .docx). Null, with the reason, when neither can be read.
    /// </summary>
    (SourceText? Text, (QdpxProblem Problem, string Message)? Missing) SourceTextOf(XElement source, int number)
    {
        if (Child(source, "PlainTextContent")?.Value is { } content)
            return (SourceText.FromString(content), null);
        var plain = TextAt(source, "plainTextPath");
        if (plain.Text is not null && !string.IsNullOrWhiteSpace(plain.Text.Text))
            return (plain.Text, null);
        var rich = SourcePaths
            .Entries((string?)source.Attribute("richTextPath"))
            .Where(e => e.EndsWith(".docx", IgnoreCase))
            .Select(archive.Read)
            .FirstOrDefault(bytes => bytes is not null);
        if (rich is not null)
            return SourceText.FromWord(rich, limits.Zip.MaxEntryBytes) is { } word
                ? (word, null)
                : (null, (QdpxProblem.InvalidText, $"The Word rendering of source {number} is damaged."));
        if (plain.Text is not null)
            return (plain.Text, null);
        return (
            null,
            plain.Found
                ? (QdpxProblem.InvalidText, $"The text of source {number} is not valid UTF-8 or UTF-16 text.")
                : (QdpxProblem.MissingSourceText, $"The text of source {number} is not in the project file.")
        );
    }

    /// <summary>The text a path attribute names, tried at each place <see cref="SourcePaths"/> resolves it to; whether a file was there.</summary>
    (SourceText? Text, bool Found) TextAt(XElement element, string attribute)
    {
        var content = SourcePaths
            .Entries((string?)element.Attribute(attribute))
            .Select(archive.Read)
            .FirstOrDefault(bytes => bytes is not null);
        return content is null ? (null, false) : (SourceText.Decode(content), true);
    }

    static DateTimeOffset? Time(XElement element) =>
        DateTimeOffset.TryParse(
            (string?)element.Attribute("creationDateTime"),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var at
        )
            ? at
            : null;

    static string FirstOf(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
