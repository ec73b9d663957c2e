namespace Moderation.Client.Import;

/// <summary>What identifies an author across imports: the email when there is one (so the same reader is one reader in every source), else the source's own account or name.</summary>
internal static class AuthorKeys
{
    public static string Of(string source, string sourceId, string? email, string? username, string? name) =>
        !string.IsNullOrWhiteSpace(email) ? "email:" + email.Trim()
        : !string.IsNullOrWhiteSpace(username) ? $"{source}-user:{username.Trim()}"
        : !string.IsNullOrWhiteSpace(name) ? $"{source}-name:{name.Trim()}"
        : $"{source}-anonymous:{sourceId}";
}
