using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Moderation.Redis.Webhooks;

namespace Moderation.Api.Webhooks;

/// <summary>
/// Webhook secrets at rest: sealed with AES-256-GCM under a key derived from the site's signing key, bound to their
/// webhook's id (a sealed secret copied into another record does not open). Someone who reads the store alone cannot
/// sign as the site; someone with the signing key can mint tokens anyway.
/// </summary>
public sealed class WebhookSecrets(SymmetricSecurityKey signingKey)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key = HMACSHA256.HashData(signingKey.Key, "moderation: webhook secrets"u8);

    /// <summary>The record with its secret sealed; a sealed one is returned as it is.</summary>
    public WebhookRecord Seal(WebhookRecord hook)
    {
        if (hook.SecretSealed)
        {
            return hook;
        }

        var plain = Encoding.UTF8.GetBytes(hook.Secret);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(hook.Id));
        return hook with { Secret = Convert.ToBase64String(sealedBytes), SecretSealed = true };
    }

    /// <summary>The secret to sign with, from a sealed record or one from before sealing.</summary>
    /// <exception cref="CryptographicException">The secret was sealed under another signing key, or altered.</exception>
    public string Open(WebhookRecord hook)
    {
        if (!hook.SecretSealed)
        {
            return hook.Secret;
        }

        var sealedBytes = Convert.FromBase64String(hook.Secret);
        var length = sealedBytes.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new CryptographicException($"The sealed secret of webhook {hook.Id} is too short.");
        }

        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(hook.Id));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Seals the secrets of records stored before sealing, if the webhooks as read hold any; true when some were sealed.</summary>
    public async Task<bool> SealStoredAsync(IReadOnlyList<WebhookRecord> hooks, WebhookRecords records) =>
        hooks.Any(hook => !hook.SecretSealed) && await records.SealPlainSecretsAsync(Seal) > 0;
}
