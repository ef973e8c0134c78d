namespace PipelineFunctions.App.Language;

/// <summary>A PII entity as the service reports it, with UTF-16 offsets into the document it was found in.</summary>
public sealed record PiiEntity(
    string Text,
    string Category,
    string? Subcategory,
    int Offset,
    int Length,
    double ConfidenceScore
);

/// <summary>One document's result: its entities, or the error the service gave for it.</summary>
public sealed record PiiDocumentResult(string Id, IReadOnlyList<PiiEntity> Entities, string? ErrorCode);
