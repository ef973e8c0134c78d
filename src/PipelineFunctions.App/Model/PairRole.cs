namespace PipelineFunctions.App.Model;

/// <summary>A transcript's part in a translation pair: the local-language source, or its translation.</summary>
public enum PairRole
{
    Source,
    Translation,
}

/// <summary>The roles by the names uploads, the documents and the pages use (<c>source</c>,
/// <c>translation</c>).</summary>
public static class PairRoles
{
    public static string Name(this PairRole role) => role == PairRole.Source ? "source" : "translation";

    /// <summary>The role a name means, or null for no name or one that is not a role.</summary>
    public static PairRole? Parse(string? name) =>
        name switch
        {
            "source" => PairRole.Source,
            "translation" => PairRole.Translation,
            _ => null,
        };
}
