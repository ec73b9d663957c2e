using System.Security.Claims;

namespace Moderation.Api.Auth;

/// <summary>The reader behind a validated token.</summary>
public sealed record ReaderIdentity(string Id, string? Name, bool IsAnonymous, bool IsModerator)
{
    /// <summary>
    /// Reads the subject, the name and the roles in one pass over the claims. Types and values match exactly, as the
    /// identity that JWT validation makes (a CaseSensitiveClaimsIdentity) matches them in FindFirst and IsInRole; those
    /// walk the claims once per question, with a closure and an enumerator each: six walks a vote.
    /// </summary>
    public static ReaderIdentity From(ClaimsPrincipal user)
    {
        string? id = null;
        string? name = null;
        var anonymous = false;
        var moderator = false;
        foreach (var identity in user.Identities)
        {
            var roleType = identity.RoleClaimType;
            foreach (var claim in identity.Claims)
            {
                if (id is null && IsType(claim, ClaimNames.Subject))
                {
                    id = claim.Value;
                }

                if (name is null && IsType(claim, ClaimNames.Name))
                {
                    name = claim.Value;
                }

                if (IsType(claim, roleType))
                {
                    anonymous |= claim.Value == Roles.Anonymous;
                    moderator |= claim.Value is Roles.Moderator or Roles.Admin;
                }
            }
        }

        return new ReaderIdentity(
            id ?? throw new InvalidOperationException("An authenticated principal without a subject reached a reader endpoint."),
            name,
            anonymous,
            moderator);
    }

    private static bool IsType(Claim claim, string type) => string.Equals(claim.Type, type, StringComparison.Ordinal);
}
