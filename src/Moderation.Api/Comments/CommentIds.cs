using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Moderation.Api.Polls;
using Moderation.Redis.Comments;

namespace Moderation.Api.Comments;

/// <summary>Comment ids and page cursors: server-made, URL-safe, checked for shape before they reach a grain.</summary>
public static class CommentIds
{
    /// <summary>A random id in the part of the article the comment is for (<see cref="CommentParts"/>).</summary>
    public static string NewCommentId(int part) => CommentParts.CommentId("c" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)), part);

    /// <summary>The same shape as every server-made id.</summary>
    public static bool IsWellFormed(string? id) => PollIds.IsWellFormed(id);

    /// <summary>Cursors of one article's or one comment's pages are the position (a non-negative integer) of the last item handed out.</summary>
    public static bool IsCursor(string? cursor) =>
        cursor is null || (cursor.Length <= 20 && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>Cursors of site-wide pages, merged from every part, name a position per part (<see cref="PartCursor"/>); a plain integer from before the parts still reads.</summary>
    public static bool IsMergedCursor(string? cursor) => PartCursor.TryParse(cursor, out _);
}
