using System.Security.Cryptography;
using System.Text.Json;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Keys;

/// <summary>Encrypts the replacement log (the re-identification key) with AES-GCM: nonce | tag | ciphertext.</summary>
public static class KeyLogCipher
{
    public static byte[] Encrypt(IReadOnlyList<Replacement> replacements, byte[] key, string transcriptId)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(replacements);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using var aes = new AesGcm(key, 16);
        // The transcript id is bound in as associated data, so a key log cannot be passed off as another's.
        aes.Encrypt(nonce, plain, cipher, tag, System.Text.Encoding.UTF8.GetBytes(transcriptId));
        CryptographicOperations.ZeroMemory(plain);
        return [.. nonce, .. tag, .. cipher];
    }

    public static IReadOnlyList<Replacement> Decrypt(byte[] sealedLog, byte[] key, string transcriptId)
    {
        var plain = new byte[sealedLog.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(
            sealedLog.AsSpan(0, 12),
            sealedLog.AsSpan(28),
            sealedLog.AsSpan(12, 16),
            plain,
            System.Text.Encoding.UTF8.GetBytes(transcriptId)
        );
        return JsonSerializer.Deserialize<List<Replacement>>(plain) ?? [];
    }
}
