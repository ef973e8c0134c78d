using System.Text;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// The text of an RTF document as lines, one per paragraph: groups, control words, <c>\'hh</c> bytes in the document's
/// code page, <c>\uN</c> with its fallback skipped, and table rows through <see cref="TableRows"/>. Destinations that are
/// not the body — font and colour tables, styles, document info, pictures, headers, footers, footnotes, comments,
/// field instructions — are skipped, as are any marked <c>\*</c>. No library for RTF is served to this project, and
/// reading text out needs only this much; nothing is rendered.
/// </summary>
sealed class RtfText
{
    const int MaxDepth = 512;
    static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "pict",
        "object",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "footnote",
        "annotation",
        "atnid",
        "atnauthor",
        "fldinst",
        "themedata",
        "colorschememapping",
        "datastore",
        "latentstyles",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "generator",
        "xmlnstbl",
        "filetbl",
        "revtbl",
        "pgdsctbl",
        "template",
    };

    readonly string rtf;
    readonly List<string> lines = [];
    readonly List<string> cells = [];
    readonly StringBuilder line = new();
    readonly Stack<(bool Skip, int Uc)> groups = new();
    readonly List<byte> pendingBytes = [];
    Encoding codePage;
    bool skip;
    int uc = 1,
        fallbackLeft,
        i;

    RtfText(byte[] content)
    {
        rtf = Encoding.Latin1.GetString(content); // one char per byte: RTF is 7-bit, its 8-bit text comes as \'hh
        codePage = Encoding.GetEncoding(1252);
    }

    static RtfText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> Lines(byte[] content)
    {
        if (
            !Encoding
                .ASCII.GetString(content, 0, Math.Min(content.Length, 5))
                .Equals("{\\rtf", StringComparison.Ordinal)
        )
            throw Damaged("The file is not an RTF document (it does not start with {\\rtf).");
        var reader = new RtfText(content);
        reader.Run();
        return reader.lines;
    }

    void Run()
    {
        while (i < rtf.Length)
        {
            var c = rtf[i++];
            switch (c)
            {
                case '{':
                    Flush();
                    if (groups.Count >= MaxDepth)
                        throw Damaged("The RTF file nests its groups far deeper than a document does.");
                    groups.Push((skip, uc));
                    break;
                case '}':
                    Flush();
                    if (groups.Count == 0)
                        throw Damaged("The RTF file is damaged: a group closes that never opened.");
                    (skip, uc) = groups.Pop();
                    if (groups.Count == 0)
                    {
                        EndParagraph();
                        if (rtf[i..].Trim().Trim('\0').Length > 0)
                            throw Damaged("The RTF file is damaged: there is more after the document's last group.");
                        return;
                    }
                    break;
                case '\\':
                    Control();
                    break;
                case '\r' or '\n':
                    break;
                default:
                    Emit(c);
                    break;
            }
        }
        throw Damaged("The RTF file is damaged: it ends before its groups close.");
    }

    void Control()
    {
        if (i >= rtf.Length)
            throw Damaged("The RTF file is damaged: it ends inside a control word.");
        var c = rtf[i];
        if (!char.IsAsciiLetter(c))
        {
            i++;
            switch (c)
            {
                case '\''
                    when i + 2 <= rtf.Length
                        && byte.TryParse(
                            rtf.AsSpan(i, 2),
                            System.Globalization.NumberStyles.HexNumber,
                            null,
                            out var b
                        ):
                    i += 2;
                    if (fallbackLeft > 0)
                    {
                        fallbackLeft--;
                        return;
                    }
                    if (!skip)
                        pendingBytes.Add(b);
                    return;
                case '\'':
                    throw Damaged("The RTF file is damaged: a \\' escape is not followed by two hex digits.");
                case '*':
                    skip = true;
                    return;
                case '~':
                    Emit(' ');
                    return;
                case '_':
                    Emit('-');
                    return;
                case '\r' or '\n':
                    EndParagraph();
                    return;
                case '-' or '|' or ':':
                    return;
                default:
                    Emit(c);
                    return; // \\ \{ \}
            }
        }
        var start = i;
        while (i < rtf.Length && char.IsAsciiLetter(rtf[i]) && i - start < 32)
            i++;
        var word = rtf[start..i];
        int? parameter = null;
        var digits = i;
        if (i < rtf.Length && rtf[i] == '-')
            i++;
        while (i < rtf.Length && char.IsAsciiDigit(rtf[i]) && i - digits < 11)
            i++;
        if (i > digits && int.TryParse(rtf.AsSpan(digits, i - digits), out var n))
            parameter = n;
        else
            i = digits;
        if (i < rtf.Length && rtf[i] == ' ')
            i++;
        Word(word, parameter);
    }

    void Word(string word, int? parameter)
    {
        if (Skipped.Contains(word))
        {
            skip = true;
            return;
        }
        if (word != "u" && fallbackLeft > 0)
        {
            fallbackLeft--;
            return;
        }
        switch (word)
        {
            case "par" or "line" or "sect" or "page":
                EndParagraph();
                break;
            case "tab":
                Emit(' ');
                break;
            case "cell" or "nestcell":
                Flush();
                cells.Add(line.ToString().Trim());
                line.Clear();
                break;
            case "row" or "nestrow":
                Flush();
                lines.AddRange(TableRows.Lines(cells));
                cells.Clear();
                break;
            case "uc":
                uc = Math.Clamp(parameter ?? 1, 0, 10);
                break;
            case "u" when parameter is { } code:
                Emit((char)(code < 0 ? code + 65536 : code));
                fallbackLeft = uc;
                break;
            case "ansicpg" when parameter is { } page:
                try
                {
                    codePage = Encoding.GetEncoding(page);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException) { }
                break;
            case "bin" when parameter is { } length:
                i = (int)Math.Min(rtf.Length, (long)i + Math.Max(0, length));
                break;
            case "emdash":
                Emit('—');
                break;
            case "endash":
                Emit('–');
                break;
            case "lquote":
                Emit('‘');
                break;
            case "rquote":
                Emit('’');
                break;
            case "ldblquote":
                Emit('“');
                break;
            case "rdblquote":
                Emit('”');
                break;
            case "bullet":
                Emit('•');
                break;
        }
    }

    void Emit(char c)
    {
        if (fallbackLeft > 0)
        {
            fallbackLeft--;
            return;
        }
        if (skip)
            return;
        Flush();
        line.Append(c);
    }

    /// <summary>Bytes from <c>\'hh</c> escapes decode together, so a double-byte code page's pairs stay whole.</summary>
    void Flush()
    {
        if (pendingBytes.Count == 0)
            return;
        line.Append(codePage.GetString(pendingBytes.ToArray()));
        pendingBytes.Clear();
    }

    void EndParagraph()
    {
        Flush();
        if (skip)
            return;
        lines.Add(line.ToString().Normalize(NormalizationForm.FormC));
        line.Clear();
    }

    static TranscriptRejectedException Damaged(string message) => new(RejectionReason.CorruptDocument, message);
}
