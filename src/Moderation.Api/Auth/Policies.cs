using Microsoft.AspNetCore.Authorization;

namespace Moderation.Api.Auth;

/// <summary>Who may call what. Admin may do everything; any valid, non-anonymous token is a reader.</summary>
public static class Policies
{
    public const string Reader = nameof(Reader);
    public const string Voter = nameof(Voter);
    public const string Moderator = nameof(Moderator);
    public const string Editor = nameof(Editor);
    public const string ModeratorOrEditor = nameof(ModeratorOrEditor);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Voter, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Reader, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.IsInRole(Roles.Anonymous)));
        options.AddPolicy(Moderator, policy => policy.RequireRole(Roles.Moderator, Roles.Admin));
        options.AddPolicy(Editor, policy => policy.RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(ModeratorOrEditor, policy => policy.RequireRole(Roles.Moderator, Roles.Editor, Roles.Admin));
    }
}
