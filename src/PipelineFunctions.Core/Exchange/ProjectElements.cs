using System.Xml.Linq;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// What a project file holds beyond what this reader reads: elements QDA-XML 1.0 (Project-mrt2019.xsd) does not define —
/// from a newer version of the standard or a tool's own extension — and GUIDs two elements share. Both are reported,
/// never ignored silently.
/// </summary>
static class ProjectElements
{
    /// <summary>Every element the 1.0 schema declares.</summary>
    static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "AudioSelection",
        "AudioSource",
        "BooleanValue",
        "Case",
        "Cases",
        "Code",
        "CodeBook",
        "CodeRef",
        "Codes",
        "Coding",
        "DateTimeValue",
        "DateValue",
        "Description",
        "Edge",
        "FloatValue",
        "Graph",
        "Graphs",
        "IntegerValue",
        "Link",
        "Links",
        "MemberCode",
        "MemberNote",
        "MemberSource",
        "Note",
        "NoteRef",
        "Notes",
        "PDFSelection",
        "PDFSource",
        "PictureSelection",
        "PictureSource",
        "PlainTextContent",
        "PlainTextSelection",
        "Project",
        "Representation",
        "SelectionRef",
        "Set",
        "Sets",
        "SourceRef",
        "Sources",
        "SyncPoint",
        "TextDescription",
        "TextSource",
        "TextValue",
        "Transcript",
        "TranscriptSelection",
        "User",
        "Users",
        "Variable",
        "VariableRef",
        "VariableValue",
        "Variables",
        "Vertex",
        "VideoSelection",
        "VideoSource",
    };

    /// <summary>Reports both; duplicates are a fault (a strict read refuses them), unknown elements a note.</summary>
    public static void Report(XElement root, ImportFindings findings)
    {
        var unknown = root.Descendants()
            .Where(e => e.Name.Namespace != root.Name.Namespace || !Known.Contains(e.Name.LocalName))
            // Inside an unknown element everything is unknown: name the outermost only.
            .Where(e =>
                e.Ancestors().All(a => a.Name.Namespace == root.Name.Namespace && Known.Contains(a.Name.LocalName))
            )
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
            findings.Note(
                QdpxProblem.UnknownElement,
                $"The file holds {unknown.Sum(g => g.Count())} element(s) that REFI-QDA 1.0 does not define "
                    + $"({string.Join(", ", unknown.Select(g => Safe(g.Key)).Take(5))}), perhaps from a newer version of the standard or another tool's own; they were not read."
            );

        var shared = root.DescendantsAndSelf()
            .Where(e => (string?)e.Attribute("guid") is { Length: > 0 })
            .GroupBy(e => ((string)e.Attribute("guid")!).Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToList();
        if (shared.Count > 0)
            findings.Add(
                QdpxProblem.DuplicateGuid,
                $"{shared.Count} GUID(s) are each given to more than one element "
                    + $"({string.Join(", ", shared.SelectMany(g => g).Select(e => e.Name.LocalName).Distinct().Take(5))}); references to such a GUID go to the first of them, so check those items after the import."
            );
    }

    /// <summary>An element name as a message may show it: names are markup, but a crafted one could carry anything.</summary>
    static string Safe(string name) =>
        name.Length <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? name
            : "an unnamed element";
}
