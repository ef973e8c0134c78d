using System.Xml;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A REFI-QDA .qdpx to a project: users, the codebook with its hierarchy and colours, text sources, codings and
/// memos. The archive is checked before anything is unpacked; the XML is read without DTDs or external resources.
/// Tolerates what real exports do: a <c>Sources</c> or <c>sources</c> folder, colours with an alpha channel, an
/// empty or missing plain-text rendering beside a Word one (NVivo), codings with no user. Other kinds of source
/// (PDF, pictures, audio, video) are left out. Anything it cannot read throws <see cref="QdpxRejectedException"/>.
/// </summary>
public static class QdpxReader
{
    /// <param name="studyCodebook">The study's codebook, when importing into a study that has one: a code whose GUID
    /// is the one our export gives a code of it keeps that code's id. Other codes get ids from their names (as .qdc
    /// imports do), made unique.</param>
    public static QdaProject Read(Stream qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null)
    {
        limits ??= QdpxLimits.Default;
        using var archive = QdpxArchive.Open(qdpx, limits);
        var qde = archive.Read("project.qde")
            ?? throw new QdpxRejectedException(QdpxProblem.MissingProject, "The file is a zip archive but not a REFI-QDA project: it has no project.qde.");
        return new ProjectReading(Load(qde), archive, studyCodebook, limits).Read();
    }

    /// <summary>
    /// The codebook alone (codes, hierarchy, descriptions) from a .qdpx, for starting a study's codebook from another
    /// tool's project; sources and codings are not read, so a project whose texts are missing still gives its codes.
    /// </summary>
    public static Codebook ReadCodebook(Stream qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null)
    {
        limits ??= QdpxLimits.Default;
        using var archive = QdpxArchive.Open(qdpx, limits);
        var qde = archive.Read("project.qde")
            ?? throw new QdpxRejectedException(QdpxProblem.MissingProject, "The file is a zip archive but not a REFI-QDA project: it has no project.qde.");
        return new ProjectReading(Load(qde), archive, studyCodebook, limits).ReadCodebookOnly();
    }

    public static QdaProject Read(byte[] qdpx, Codebook? studyCodebook = null, QdpxLimits? limits = null) =>
        Read(new MemoryStream(qdpx, writable: false), studyCodebook, limits);

    static XElement Load(byte[] qde)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(qde, writable: false), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new QdpxRejectedException(QdpxProblem.InvalidXml, $"The project.qde inside the file is not well-formed XML (line {e.LineNumber}), or declares a DTD, which is not accepted.");
        }
        if (doc.Root is not { Name.LocalName: "Project" } root)
            throw new QdpxRejectedException(QdpxProblem.NotAProjectFile, "The project.qde inside the file is not a REFI-QDA project (its root is not Project).");
        return root;
    }

    internal static IEnumerable<XElement> Children(XElement element, string name) => element.Elements().Where(e => e.Name.LocalName == name);

    internal static XElement? Child(XElement element, string name) => Children(element, name).FirstOrDefault();
}
