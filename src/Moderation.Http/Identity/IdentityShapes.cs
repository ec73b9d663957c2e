namespace Moderation.Http.Identity;

/// <summary>A Development token: who and in which roles.</summary>
/// <param name="Subject">The reader id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Roles">reader, moderator, editor.</param>
public sealed record DevTokenRequest(string? Subject, string? Name, IReadOnlyList<string>? Roles);

/// <summary>A signed token.</summary>
/// <param name="Token">The JWT.</param>
public sealed record TokenResponse(string Token);
