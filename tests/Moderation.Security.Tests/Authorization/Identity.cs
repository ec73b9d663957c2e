namespace Moderation.Security.Tests.Authorization;

/// <summary>Who calls: the columns of the authorization matrix, in the order its rows list their statuses.</summary>
public enum Identity
{
    NoToken,
    Reader,
    Anonymous,
    BannedReader,
    Moderator,
    Editor,
    Admin,
    ExpiredToken,
    OtherKeyToken,
}
