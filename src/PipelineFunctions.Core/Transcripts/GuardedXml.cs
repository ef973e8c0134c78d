using System.Xml;
using System.Xml.Linq;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// XML from an upload or a project file: no DTD (so no entity expansion), no external resources, and no nesting deeper
/// than any real document has — the readers walk elements recursively, and a crafted file nested a hundred thousand
/// deep would otherwise overflow the stack, which no handler can catch.
/// </summary>
public static class GuardedXml
{
    public const int MaxDepth = 256;

    static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The document; <see cref="XmlException"/> when it is not well-formed or has a DTD, <see cref="InvalidDataException"/> when nested too deep.</summary>
    public static XDocument Load(byte[] xml)
    {
        using (var scan = XmlReader.Create(new MemoryStream(xml, writable: false), Settings))
            while (scan.Read())
                if (scan.Depth > MaxDepth)
                    throw new InvalidDataException($"The XML nests elements more than {MaxDepth} deep.");
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), Settings);
        return XDocument.Load(reader);
    }
}
