using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
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

    /// <summary>
    /// Stores comments in the order given, in which a parent in the list comes before its replies. The scripts are sent
    /// together without waiting for each other: one part's scripts share one connection, so they run in the list's
    /// order, and a reply's placement comes from its parent's in the list without a read.
    /// </summary>
    /// <param name="importer">
    /// Who imports, named on the <c>import</c> audit record each stored comment gets; null for comments from this service's
    /// export, whose audit records come with the export.
    /// </param>
    public async Task<ImportOutcome[]> ImportAsync(IReadOnlyList<ImportedComment> comments, string? importer)
    {
        var outside = await PlaceParentsOutsideAsync(comments);
        var placed = new Dictionary<string, (string? ThreadParentId, int Depth)?>(StringComparer.Ordinal);
        var outcomes = new Task<ImportOutcome>[comments.Count];
        for (var index = 0; index < comments.Count; index++)
        {
            var comment = comments[index];
            var part = CommentParts.OfComment(comment.Id);
            if (part != parts.OfArticle(comment.ArticleId))
            {
                throw new ArgumentException($"Comment {comment.Id} names part {part}, but article {comment.ArticleId} is in part {parts.OfArticle(comment.ArticleId)}.", nameof(comments));
            }

            var placement = comment.ParentId switch
            {
                null => (null, 1),
                var parent when CommentParts.OfComment(parent) != part => null,
                var parent when placed.TryGetValue(parent, out var inList) => Below(parent, inList),
                var parent => outside.GetValueOrDefault(parent),
            };
            placed[comment.Id] = placement;
            outcomes[index] = placement is { } where ? StoreAsync(comment, where.ThreadParentId, where.Depth, importer) : NotPlacedAsync(comment);
        }

        return await Task.WhenAll(outcomes);
    }

    private async Task<ImportOutcome> NotPlacedAsync(ImportedComment comment) =>
        await Database.KeyExistsAsync(CommentRedisKeys.Comment(comment.Id)) ? ImportOutcome.Exists : ImportOutcome.WaitingForParent;

    private async Task<ImportOutcome> StoreAsync(ImportedComment comment, string? threadParentId, int depth, string? importer)
    {
        var audit = importer is null ? "" : AuditJson.Serialize(new AuditEntry(
            clock.GetUtcNow(), importer, comment.Id, null, "import", comment.Source.Split(':')[0], comment.Source, null, comment.Status, comment.Verdict?.Score));
        RedisValue[] arguments =
        [
            comment.Status,
            comment.ArticleId,
            comment.Id,
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            CommentRecords.Invariant(comment.CreatedAt.ToUnixTimeMilliseconds()),
            comment.ParentId is null ? "0" : "1",
            CommentRecords.Invariant(comment.Verdict is { } scored ? QueueScript.Micro(scored.Score) : 0),
            audit,
            CommentFields.Id, comment.Id,
            CommentFields.ArticleId, comment.ArticleId,
            CommentFields.ParentId, comment.ParentId ?? "",
            CommentFields.ThreadParentId, threadParentId ?? "",
            CommentFields.Depth, CommentRecords.Invariant(depth),
            CommentFields.AuthorId, comment.AuthorId,
            CommentFields.AuthorName, comment.AuthorName ?? "",
            CommentFields.Body, comment.Status == CommentStatus.Deleted ? "" : comment.Body,
            CommentFields.CreatedAt, CommentRecords.Invariant(comment.CreatedAt.ToUnixTimeMilliseconds()),
            CommentFields.Score, comment.Verdict is { } verdict ? CommentRecords.Invariant(verdict.Score) : "",
            CommentFields.ModelVersion, comment.Verdict?.ModelVersion ?? "",
            CommentFields.Reasons, comment.Verdict is { Reasons.Length: > 0 } held ? string.Join(',', held.Reasons)
                : comment.Extras is { Reasons.Count: > 0 } exported ? string.Join(',', exported.Reasons)
                : comment.Status == CommentStatus.Pending ? "imported" : "",
            CommentFields.Explanation, CommentRecords.ExplanationJson(comment.Verdict?.Explanation ?? []),
            CommentFields.RejectionReason, comment.Status == CommentStatus.Rejected ? comment.RejectionReason ?? "" : "",
            SourceField, comment.Source,
        ];
        var connection = CommentStore.Writes(writes, CommentParts.OfComment(comment.Id));
        var imported = ImportScript.Import.EvaluateAsync(connection, new ImportScript.Target(comment, threadParentId, importer), arguments);
        // Sent on the same connection right after, so it runs once the comment is stored; it only adds, so it also
        // completes extras that an interrupted earlier run stored the comment without.
        var extras = comment.Extras is { Any: true } restored ? ExtrasScript.Restore.EvaluateAsync(connection, comment, ExtrasArguments(comment.Id, restored)) : null;
        var outcome = (string)(await imported)!;
        if (extras is not null)
        {
            await extras;
        }

        return outcome switch
        {
            "stored" => ImportOutcome.Stored,
            "exists" => ImportOutcome.Exists,
            _ => ImportOutcome.WaitingForParent,
        };
    }

    private static RedisValue[] ExtrasArguments(string commentId, ImportExtras extras) =>
    [
        commentId,
        extras.Featured ? "1" : "0",
        CommentRecords.Invariant(extras.ReportsAtReview),
        extras.Reported ? "1" : "0",
        extras.EditedAt is { } edited ? CommentRecords.Invariant(edited.ToUnixTimeMilliseconds()) : "",
        CommentRecords.Invariant(extras.Reactors.Count),
        CommentRecords.Invariant(extras.Versions?.Count ?? 0),
        .. extras.Reactors.Select(reader => (RedisValue)reader),
        .. (extras.Versions ?? []).Select(version => (RedisValue)version),
        .. extras.Reports.SelectMany(report => new RedisValue[] { report.ReaderId, report.Json }),
    ];

    /// <summary>Where a reply goes under a parent placed at <paramref name="parent"/>: as a posted reply would (depth at most 4).</summary>
    private static (string? ThreadParentId, int Depth)? Below(string parentId, (string? ThreadParentId, int Depth)? parent) =>
        parent is not { } where ? null : where.Depth <= 3 ? (parentId, where.Depth + 1) : (where.ThreadParentId, where.Depth);

    /// <summary>The placements of the stored parents that are not in the list, read in one round trip; a parent not stored has none.</summary>
    private async Task<Dictionary<string, (string? ThreadParentId, int Depth)?>> PlaceParentsOutsideAsync(IReadOnlyList<ImportedComment> comments)
    {
        var inList = comments.Select(comment => comment.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = comments
            .Where(comment => comment.ParentId is { } parent && !inList.Contains(parent) && CommentParts.OfComment(parent) == CommentParts.OfComment(comment.Id))
            .GroupBy(comment => comment.ParentId!, StringComparer.Ordinal)
            .Select(group => (Parent: group.Key, group.First().ArticleId))
            .ToArray();
        var batch = Database.CreateBatch();
        var reads = wanted.Select(item => batch.HashGetAsync(
            CommentRedisKeys.Comment(item.Parent), [CommentFields.ArticleId, CommentFields.Depth, CommentFields.ThreadParentId])).ToArray();
        batch.Execute();
        var placements = new Dictionary<string, (string? ThreadParentId, int Depth)?>(StringComparer.Ordinal);
        for (var index = 0; index < wanted.Length; index++)
        {
            var fields = await reads[index];
            placements[wanted[index].Parent] =
                (string?)fields[0] == wanted[index].ArticleId && int.TryParse((string?)fields[1], CultureInfo.InvariantCulture, out var depth)
                    ? Below(wanted[index].Parent, ((string?)fields[2] is { Length: > 0 } threadParent ? threadParent : null, depth))
                    : null;
        }

        return placements;
    }
}
