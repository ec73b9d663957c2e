using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Moderation.Api.Polls;

namespace Moderation.Api.Comments;

/// <summary>Comment ids and page cursors: server-made, URL-safe, checked for shape before they reach a grain.</summary>
public static class CommentIds
{
    public static string NewCommentId() => "c" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The same shape as every server-made id.</summary>
    public static bool IsWellFormed(string? id) => PollIds.IsWellFormed(id);

    /// <summary>Cursors are the position (a non-negative integer) of the last item handed out.</summary>
    public static bool IsCursor(string? cursor) =>
        cursor is null || (cursor.Length <= 20 && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
