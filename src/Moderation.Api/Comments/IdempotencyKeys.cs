using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Api.Comments;

/// <summary>
/// The optional <c>Idempotency-Key</c> header of a comment post. The key names the comment: its id is derived from
/// the reader and the key, so a retry after a lost response finds the comment the first attempt stored (in the
/// same grain, by the same script that refuses to store an id twice) instead of posting it again.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a response that replays an earlier post instead of storing a new comment.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 128;

    /// <summary>1 to 128 visible ASCII characters, as clients make them: UUIDs, ULIDs, random tokens.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(character => character is > ' ' and <= '~');

    /// <summary>
    /// The comment id a reader's key stands for on an article of <paramref name="part"/>: SHA-256 over the reader id and
    /// the key, so that no reader can choose a key that lands on an id another reader's key makes (96 bits, like a
    /// random comment id), then the part.
    /// </summary>
    public static string CommentId(string readerId, string key, int part) => CommentParts.CommentId(BaseId(readerId, key), part);

    /// <summary>
    /// Every other id the same key could have stored a comment under: in the other parts (a post to another article),
    /// and without a part (a post from before the parts). Finding one means the key was used for another post.
    /// </summary>
    public static IReadOnlyList<string> OtherIds(string readerId, string key, int part)
    {
        var baseId = BaseId(readerId, key);
        return [.. CommentParts.All.Where(other => other != part).Select(other => CommentParts.CommentId(baseId, other)), baseId];
    }

    private static string BaseId(string readerId, string key) =>
        "c" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{readerId}\n{key}")).AsSpan(0, 12));

    /// <summary>True when the stored comment is what this request asked for: the same reader, article, parent and text.</summary>
    public static bool IsSamePost(CommentView stored, string articleId, PostCommentRequest request, string readerId) =>
        stored.AuthorId == readerId
        && stored.ArticleId == articleId
        && stored.ParentId == request.ParentId
        && (stored.Status == CommentStatus.Deleted || stored.Body == request.Body?.Trim());
}
