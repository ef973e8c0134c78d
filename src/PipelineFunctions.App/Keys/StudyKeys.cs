using System.Security.Cryptography;
using System.Text;
using PipelineFunctions.App.Settings;

namespace PipelineFunctions.App.Keys;

/// <summary>Keys from configuration (Key Vault references in Azure). The app will not start without them.</summary>
public sealed class StudyKeys
{
    readonly byte[] _master;

    public StudyKeys(PipelineSettings settings)
    {
        _master = Decode(settings.PseudonymMasterKey, nameof(settings.PseudonymMasterKey));
        KeyEncryptionKey = Decode(settings.KeyEncryptionKey, nameof(settings.KeyEncryptionKey));
        if (KeyEncryptionKey.Length != 32)
            throw new InvalidOperationException($"{nameof(settings.KeyEncryptionKey)} must be 32 bytes (base64).");
    }

    public byte[] KeyEncryptionKey { get; }

    /// <summary>Each study's HMAC key is derived from the master, so studies never share pseudonyms.</summary>
    public byte[] PseudonymKey(string studyId) =>
        HMACSHA256.HashData(_master, Encoding.UTF8.GetBytes($"pseudonym-key:{studyId}"));

    static byte[] Decode(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"Setting Pipeline:{name} is missing.");
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Setting Pipeline:{name} is not base64.");
        }
    }
}
