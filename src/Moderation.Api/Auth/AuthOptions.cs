namespace Moderation.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 of at least 32 bytes. Required in Production; generated and kept in the data directory in Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "moderation";

    public string Audience { get; set; } = "moderation";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan AnonymousTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
