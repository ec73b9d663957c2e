using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Moderation.Api.Tests.Auth;

/// <summary>Hand-made tokens for the cases the service must refuse.</summary>
internal static class Tokens
{
    public static byte[] DevelopmentKey(string dataDirectory) =>
        Convert.FromBase64String(File.ReadAllText(Path.Combine(dataDirectory, "dev-signing-key")));

    public static string Signed(byte[] key, string subject, string[] roles, DateTime expires, DateTime? notBefore = null, string issuer = "moderation")
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = "moderation",
            IssuedAt = (notBefore ?? expires.AddHours(-1)),
            NotBefore = notBefore ?? expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token that claims "alg": "none" and carries no signature.</summary>
    public static string Unsigned(string subject, string[] roles)
    {
        var header = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var roleJson = string.Join(",", roles.Select(role => $"\"{role}\""));
        var payload = Base64Url($"{{\"sub\":\"{subject}\",\"role\":[{roleJson}],\"iss\":\"moderation\",\"aud\":\"moderation\",\"exp\":{expires}}}");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
