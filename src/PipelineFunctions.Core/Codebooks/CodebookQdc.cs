using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PipelineFunctions.Core.Codebooks;

/// <summary>
/// REFI-QDA codebooks (<c>.qdc</c>, namespace <c>urn:QDA-XML:codebook:1.0</c>): nested <c>Code</c> elements with a
/// GUID, name and description. Reading tolerates the namespace typo <c>…:1:0</c> seen in the wild and a project's
/// <c>CodeBook</c>; no DTDs. Our ids become stable GUIDs on export and come back as slugs of the names on import.
/// </summary>
public static class CodebookQdc
{
    public static readonly XNamespace Namespace = "urn:QDA-XML:codebook:1.0";

    public static Codebook Parse(Stream xml, string name)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(
                xml,
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }
            );
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"The codebook is not well-formed XML (line {e.LineNumber}).", e);
        }
        var root = doc.Root;
        if (
            root is null
            || root.Name.LocalName != "CodeBook" && root.Descendants().All(e => e.Name.LocalName != "CodeBook")
        )
            throw new FormatException("The file has no REFI-QDA CodeBook element.");
        var book =
            root.Name.LocalName == "CodeBook" ? root : root.Descendants().First(e => e.Name.LocalName == "CodeBook");
        var codes = new List<Code>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var top =
            book.Elements()
                .FirstOrDefault(e => e.Name.LocalName == "Codes")
                ?.Elements()
                .Where(e => e.Name.LocalName == "Code")
            ?? [];
        foreach (var code in top)
            Read(code, null, codes, ids);
        if (codes.Count == 0)
            throw new FormatException("The codebook has no codes.");
        return new Codebook(name, codes);
    }

    static void Read(XElement element, string? parent, List<Code> codes, HashSet<string> ids)
    {
        var name = (string?)element.Attribute("name") ?? throw new FormatException("A code has no name.");
        var id = Slug(name);
        for (var n = 2; !ids.Add(id); n++)
            id = $"{Slug(name)}-{n}";
        var description = element.Elements().FirstOrDefault(e => e.Name.LocalName == "Description")?.Value.Trim() ?? "";
        codes.Add(
            new Code(id, name, parent, description, Colour: CodeColours.Read((string?)element.Attribute("color")))
        );
        foreach (var child in element.Elements().Where(e => e.Name.LocalName == "Code"))
            Read(child, id, codes, ids);
    }

    public static string Write(Codebook codebook, string origin = "PipelineFunctions")
    {
        XElement Element(Code code) =>
            new(
                Namespace + "Code",
                new XAttribute("guid", Guid(codebook.Name, code.Id)),
                new XAttribute("name", code.Name),
                new XAttribute("isCodable", "true"),
                CodeColours.Refi(code.Colour) is { } colour ? new XAttribute("color", colour) : null,
                new XElement(Namespace + "Description", code.Definition),
                codebook.Codes.Where(c => c.Parent == code.Id).Select(Element)
            );
        var doc = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Namespace + "CodeBook",
                new XAttribute("origin", origin),
                new XElement(Namespace + "Codes", codebook.Codes.Where(c => c.Parent is null).Select(Element))
            )
        );
        using var writer = new Utf8StringWriter();
        doc.Save(writer);
        return writer.ToString();
    }

    /// <summary>A name-based GUID: the same code of the same codebook exports with the same GUID every time.</summary>
    public static string Guid(string scope, string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{id}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString().ToUpperInvariant();
    }

    /// <summary>An id from a code's name: lower case, accents and punctuation dropped, spaces and underscores as hyphens.</summary>
    internal static string Slug(string name)
    {
        var slug = new string(
            name.ToLowerInvariant()
                .Normalize(NormalizationForm.FormD)
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
                .ToArray()
        )
            .Trim()
            .Replace(' ', '-')
            .Replace('_', '-');
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-");
        slug = slug.Trim('-');
        return slug.Length == 0 ? "code" : slug;
    }

    sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
