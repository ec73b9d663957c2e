namespace Moderation.Api.Auth;

public static class Roles
{
    public const string Moderator = "moderator";
    public const string Editor = "editor";
    public const string Admin = "admin";
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlySet<string> Grantable = new HashSet<string>(StringComparer.Ordinal) { Moderator, Editor, Admin };
}
