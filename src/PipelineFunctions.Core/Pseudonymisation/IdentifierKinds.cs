namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// The kinds of identifier a detection and a replacement name, as the placeholders write them (<c>[PERSON-1]</c>).
/// A roster's <see cref="IdentifierCategory"/> is one of them (<see cref="Of"/>); the others come from recognizers.
/// </summary>
public static class IdentifierKinds
{
    public const string Person = "PERSON";
    public const string Place = "PLACE";
    public const string Organisation = "ORGANISATION";
    public const string Other = "OTHER";
    public const string Phone = "PHONE";
    public const string Email = "EMAIL";
    public const string Url = "URL";
    public const string Handle = "HANDLE";
    public const string Id = "ID";
    public const string Date = "DATE";
    public const string Address = "ADDRESS";

    /// <summary>Every kind, so data naming one (Data/patterns.json) can be checked.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Person,
        Place,
        Organisation,
        Other,
        Phone,
        Email,
        Url,
        Handle,
        Id,
        Date,
        Address,
    };

    /// <summary>The kind a roster entry of this category is detected as.</summary>
    public static string Of(IdentifierCategory category) =>
        category switch
        {
            IdentifierCategory.Person => Person,
            IdentifierCategory.Place => Place,
            IdentifierCategory.Organisation => Organisation,
            _ => Other,
        };

    /// <summary>Kinds replaced by a bare placeholder: numbering a phone number would help nobody follow
    /// anything.</summary>
    public static bool IsNumbered(string kind) =>
        kind is not (Phone or Email or Url or Handle or Id or Date or Address);
}
