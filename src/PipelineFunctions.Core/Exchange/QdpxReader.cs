using System.Xml;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A REFI-QDA .qdpx to a project: users, the codebook with its hierarchy and colours, text sources, codings and
/// memos. The archive is checked before anything is unpacked; the XML is read without DTDs or external resources, and
/// refused when nested absurdly deep (<see cref="Transcripts.GuardedXml"/>).
/// Tolerates what real exports do: a <c>Sources</c> or <c>sources</c> folder, colours with an alpha channel, an
/// empty or missing plain-text rendering beside a Word one (NVivo), codings with no user, text paths with any scheme
/// or none (<see cref="SourcePaths"/>); variables, cases and sets. Other kinds of source (PDF, pictures, audio, video)
/// are left out. <see cref="Read(Stream, Codebook?, QdpxLimits?)"/> refuses a file at its first problem with
/// <see cref="QdpxRejectedException"/>; <see cref="Import(Stream, Codebook?, QdpxLimits?)"/> places what it can and reports the rest.
/// </summary>
public static class QdpxReader
{
    /// <param name="studyCodebook">The study's codebook, when importing into a study that has one: a code whose GUID
    /// is the one our export gives a code of it keeps that code's id. Other codes get ids from their names (as .qdc
    /// imports do), made unique.</param>
    public static QdaProject Read(Stream qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null) =>
        Reading(qdpx, studyCodebook, limits, new ImportFindings(strict: true)).Project;

    /// <summary>
    /// The tolerant read: what can be placed is, and the report lists every source (text or not, with its characters and
    /// codings) and every problem — texts missing or unreadable, positions past the end, codes or variables that are not
    /// declared, selections of pictures, PDFs, audio or video. Only a file that is no readable project at all (a bomb,
    /// escaping paths, bad XML, no project.qde) is refused.
    /// </summary>
    public static QdpxImport Import(Stream qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null) =>
        Reading(qdpx, studyCodebook, limits, new ImportFindings(strict: false));

    public static QdpxImport Import(byte[] qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null) =>
        Import(new MemoryStream(qdpx, writable: false), studyCodebook, limits);

    static QdpxImport Reading(Stream qdpx, Codebook? studyCodebook, QdpxLimits? limits, ImportFindings findings)
    {
        limits ??= QdpxLimits.Default;
        using var archive = QdpxArchive.Open(qdpx, limits);
        var project = new ProjectReading(Load(ProjectQde(archive)), archive, studyCodebook, limits, findings).Read();
        return new QdpxImport(project, findings.Report());
    }

    /// <summary>The archive's <c>project.qde</c>, or its one <c>.qde</c> of another name (tools name it after the project).</summary>
    static byte[] ProjectQde(QdpxArchive archive)
    {
        if (archive.Read("project.qde") is { } standard)
            return standard;
        var others = archive.Names.Where(n => n.EndsWith(".qde", StringComparison.OrdinalIgnoreCase)).ToList();
        return others.Count switch
        {
            1 => archive.Read(others[0])!,
            0 => throw new QdpxRejectedException(
                QdpxProblem.MissingProject,
                "The file is a zip archive but not a REFI-QDA project: it holds no project (.qde) file."
            ),
            _ => throw new QdpxRejectedException(
                QdpxProblem.SeveralProjects,
                $"The file holds {others.Count} project (.qde) files and none is named project.qde, so it is unclear which one to import. Export the project again, or keep one .qde in it."
            ),
        };
    }

    /// <summary>
    /// The codebook alone (codes, hierarchy, descriptions) from a .qdpx, for starting a study's codebook from another
    /// tool's project; sources and codings are not read, so a project whose texts are missing still gives its codes.
    /// </summary>
    public static Codebook ReadCodebook(Stream qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null)
    {
        limits ??= QdpxLimits.Default;
        using var archive = QdpxArchive.Open(qdpx, limits);
        return new ProjectReading(
            Load(ProjectQde(archive)),
            archive,
            studyCodebook,
            limits,
            new ImportFindings(strict: true)
        ).ReadCodebookOnly();
    }

    public static QdaProject Read(byte[] qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null) =>
        Read(new MemoryStream(qdpx, writable: false), studyCodebook, limits);

    static XElement Load(byte[] qde)
    {
        XDocument doc;
        try
        {
            doc = Transcripts.GuardedXml.Load(qde);
        }
        catch (InvalidDataException)
        {
            throw new QdpxRejectedException(
                QdpxProblem.InvalidXml,
                $"The project.qde inside the file nests elements more than {Transcripts.GuardedXml.MaxDepth} deep, far deeper than a project does."
            );
        }
        catch (XmlException e)
        {
            throw new QdpxRejectedException(
                QdpxProblem.InvalidXml,
                $"The project.qde inside the file is not well-formed XML (line {e.LineNumber}), or declares a DTD, which is not accepted."
            );
        }
        if (doc.Root is not { Name.LocalName: "Project" } root)
            throw new QdpxRejectedException(
                QdpxProblem.NotAProjectFile,
                "The project.qde inside the file is not a REFI-QDA project (its root is not Project)."
            );
        return root;
    }

    internal static IEnumerable<XElement> Children(XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    internal static XElement? Child(XElement element, string name) => Children(element, name).FirstOrDefault();
}
