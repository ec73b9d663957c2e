using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Moderation.Client.Operators;

/// <summary>
/// Signs tokens of the shape the service validates (HS256; sub, name, repeatable role; issuer, audience, expiry)
/// with the service's own key, for testing and load runs against a service whose key the operator holds.
/// </summary>
public sealed class TokenMinter
{
    public const int MinimumKeyBytes = 32;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly TimeSpan _lifetime;

    public TokenMinter(string signingKeyBase64, string issuer = "moderation", string audience = "moderation", TimeSpan? lifetime = null)
    {
        _credentials = new SigningCredentials(new SymmetricSecurityKey(DecodeKey(signingKeyBase64)), SecurityAlgorithms.HmacSha256);
        _issuer = issuer;
        _audience = audience;
        _lifetime = lifetime ?? TimeSpan.FromHours(1);
    }

    public string Mint(string subject, string? name, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim("name", name));
        }

        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(role => new Claim("role", role)));
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            SigningCredentials = _credentials,
        });
    }

    /// <summary>The key as the service reads <c>Auth:SigningKey</c>: base64 of at least 32 bytes.</summary>
    public static byte[] DecodeKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException("The signing key is not valid base64.", nameof(base64));
        }

        return key.Length >= MinimumKeyBytes
            ? key
            : throw new ArgumentException($"The signing key decodes to {key.Length} bytes; the service requires at least {MinimumKeyBytes}.", nameof(base64));
    }
}
