namespace PipelineFunctions.Core.Transcripts;

/// <summary>Turns an uploaded file into a normalised transcript, or rejects it with a reason a person understands.</summary>
public static class TranscriptReader
{
    public static bool IsSupported(string fileName) => FormatOf(fileName) is not null;

    public static ParsedTranscript Read(string fileName, byte[] content, TranscriptLimits? limits = null)
    {
        limits ??= TranscriptLimits.Default;
        SafeFileName.Check(fileName);
        var format =
            FormatOf(fileName)
            ?? throw new TranscriptRejectedException(
                RejectionReason.UnknownFormat,
                "Only .txt, .docx, .odt, .rtf, .pdf (with a text layer), .vtt and .srt files are read."
            );
        if (content.Length > limits.MaxBytes)
            throw new TranscriptRejectedException(
                RejectionReason.TooLarge,
                $"The file is over the size limit of {limits.MaxBytes / (1024 * 1024.0):0.#} MB."
            );
        if (content.Length == 0)
            throw new TranscriptRejectedException(RejectionReason.Empty, "The file is empty.");

        DecodedText? encoding = null;
        var turns = format switch
        {
            TranscriptFormat.Word => WordTranscriptParser.Parse(content, limits),
            TranscriptFormat.OpenDocument => OpenDocumentTranscriptParser.Parse(content, limits),
            TranscriptFormat.RichText => PlainTextTranscriptParser.Parse(string.Join('\n', RtfText.Lines(content))),
            TranscriptFormat.Pdf => PdfTranscriptParser.Parse(content),
            _ => TextTurns(TextDecoding.Decode(content, out encoding), format),
        };
        if (turns.Count == 0)
            throw new TranscriptRejectedException(RejectionReason.NoSpeakerTurns, "No speaker turns were found.");
        return new ParsedTranscript(format, turns) { Encoding = encoding };
    }

    static IReadOnlyList<SpeakerTurn> TextTurns(string text, TranscriptFormat format)
    {
        if (text.Trim().Length == 0)
            throw new TranscriptRejectedException(RejectionReason.Empty, "The file holds no text.");
        return format == TranscriptFormat.PlainText
            ? PlainTextTranscriptParser.Parse(text)
            : SubtitleTranscriptParser.Parse(text, format);
    }

    static TranscriptFormat? FormatOf(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => TranscriptFormat.PlainText,
            ".docx" => TranscriptFormat.Word,
            ".vtt" => TranscriptFormat.WebVtt,
            ".srt" => TranscriptFormat.Srt,
            ".rtf" => TranscriptFormat.RichText,
            ".odt" => TranscriptFormat.OpenDocument,
            ".pdf" => TranscriptFormat.Pdf,
            _ => null,
        };
}
