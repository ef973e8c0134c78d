namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>The categories a site may list in its roster.</summary>
public enum IdentifierCategory
{
    Person,
    Place,
    Organisation,
    Other,
}
