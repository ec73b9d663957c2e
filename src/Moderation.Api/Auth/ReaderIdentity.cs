using System.Security.Claims;

namespace Moderation.Api.Auth;

/// <summary>The reader behind a validated token.</summary>
public sealed record ReaderIdentity(string Id, string? Name, bool IsAnonymous, bool IsModerator)
{
    public static ReaderIdentity From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimNames.Subject)
            ?? throw new InvalidOperationException("An authenticated principal without a subject reached a reader endpoint.");
        return new ReaderIdentity(
            id,
            user.FindFirstValue(ClaimNames.Name),
            user.IsInRole(Roles.Anonymous),
            user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin));
    }
}
