using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.Imports;

/// <summary>
/// Writes imported comments. Ids come from the source's ids, so storing one again finds it there and changes nothing:
/// an import can be repeated or resumed from the start of its file.
/// </summary>
public sealed class ImportStore(IConnectionMultiplexer redis, RedisWriteConnections writes, CommentParts parts, TimeProvider clock)
{
    /// <summary>The comment hash field that names where an imported comment came from.</summary>
    public const string SourceField = "source";

    private IDatabase Database => redis.GetDatabase();

    public async Task<ImportOutcome> ImportAsync(ImportedComment comment)
    {
        var part = CommentParts.OfComment(comment.Id);
        if (part != parts.OfArticle(comment.ArticleId))
        {
            throw new ArgumentException($"Comment {comment.Id} names part {part}, but article {comment.ArticleId} is in part {parts.OfArticle(comment.ArticleId)}.", nameof(comment));
        }

        var placement = await PlaceAsync(comment);
        if (placement is null)
        {
            return await Database.KeyExistsAsync(CommentRedisKeys.Comment(comment.Id)) ? ImportOutcome.Exists : ImportOutcome.WaitingForParent;
        }

        var (threadParentId, depth) = placement.Value;
        RedisValue[] arguments =
        [
            comment.Status,
            comment.ArticleId,
            comment.Id,
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            CommentRecords.Invariant(comment.CreatedAt.ToUnixTimeMilliseconds()),
            comment.ParentId is null ? "0" : "1",
            CommentFields.Id, comment.Id,
            CommentFields.ArticleId, comment.ArticleId,
            CommentFields.ParentId, comment.ParentId ?? "",
            CommentFields.ThreadParentId, threadParentId ?? "",
            CommentFields.Depth, CommentRecords.Invariant(depth),
            CommentFields.AuthorId, comment.AuthorId,
            CommentFields.AuthorName, comment.AuthorName ?? "",
            CommentFields.Body, comment.Status == CommentStatus.Deleted ? "" : comment.Body,
            CommentFields.CreatedAt, CommentRecords.Invariant(comment.CreatedAt.ToUnixTimeMilliseconds()),
            CommentFields.ModelVersion, "",
            CommentFields.Reasons, comment.Status == CommentStatus.Pending ? "imported" : "",
            CommentFields.RejectionReason, comment.Status == CommentStatus.Rejected ? comment.RejectionReason ?? "" : "",
            SourceField, comment.Source,
        ];
        var outcome = (string)(await ImportScript.Import.EvaluateAsync(
            CommentStore.Writes(writes, part), new ImportScript.Target(comment, threadParentId), arguments))!;
        return outcome switch
        {
            "stored" => ImportOutcome.Stored,
            "exists" => ImportOutcome.Exists,
            _ => ImportOutcome.WaitingForParent,
        };
    }

    /// <summary>Where the comment is shown, as a posted one would be; null when its parent is not stored on its article.</summary>
    private async Task<(string? ThreadParentId, int Depth)?> PlaceAsync(ImportedComment comment)
    {
        if (comment.ParentId is null)
        {
            return (null, 1);
        }

        if (CommentParts.OfComment(comment.ParentId) != CommentParts.OfComment(comment.Id))
        {
            return null;
        }

        var parent = await Database.HashGetAsync(
            CommentRedisKeys.Comment(comment.ParentId), [CommentFields.ArticleId, CommentFields.Depth, CommentFields.ThreadParentId]);
        if ((string?)parent[0] != comment.ArticleId || !int.TryParse((string?)parent[1], CultureInfo.InvariantCulture, out var parentDepth))
        {
            return null;
        }

        return parentDepth <= 3 ? (comment.ParentId, parentDepth + 1) : ((string?)parent[2], parentDepth);
    }
}
