using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>What an edit came to.</summary>
public enum EditOutcome
{
    /// <summary>The new text is stored; the former version is kept.</summary>
    Edited,

    /// <summary>The comment already has this text: nothing changed (a retry).</summary>
    Same,

    /// <summary>The comment changed since it was read (a moderator's decision): read it again and retry.</summary>
    Stale,

    /// <summary>The comment is rejected or deleted, so there is nothing to edit.</summary>
    NotEditable,

    /// <summary>There is no such comment.</summary>
    NotFound,
}

/// <summary>The gate's verdict on an edited text: what the comment becomes.</summary>
/// <param name="Body">The new text, trimmed.</param>
/// <param name="Status">published, pending or rejected.</param>
/// <param name="Reasons">Why it is held or rejected (with <c>edited</c>); the comment's former reasons when it stays published.</param>
public sealed record CommentEdit(
    string Body, string Status, ImmutableArray<string> Reasons, double? Score, string? ModelVersion, ImmutableArray<ScoreTerm> Explanation);

/// <summary>
/// Authors' edits (<see cref="EditScript"/>) and the earlier versions they keep. An edit names the revision it saw, so
/// a decision between the read and the write makes the edit stale rather than lost; the same text again changes nothing.
/// </summary>
public sealed class EditStore(IConnectionMultiplexer redis, RedisWriteConnections writes, TimeProvider clock)
{
    /// <returns>The outcome, the status the comment had before, and the article's published count after it.</returns>
    public async Task<(EditOutcome Outcome, string? FormerStatus, long PublishedCount)> EditAsync(CommentView comment, CommentEdit edit)
    {
        var now = clock.GetUtcNow();
        var micro = QueueScript.Micro(edit.Score ?? 0);
        var replaced = JsonSerializer.Serialize(new CommentVersion(comment.Body, comment.EditedAt ?? comment.CreatedAt, now), PublicComment.JsonOptions);
        var audit = AuditJson.Head(new AuditEntry(
            now, null, comment.Id, comment.AuthorId, "edit", edit.Status == CommentStatus.Published ? null : string.Join(',', edit.Reasons),
            null, null, null, edit.Score));
        RedisValue[] arguments =
        [
            comment.Id,
            CommentRecords.Invariant(comment.Revision),
            edit.Body,
            edit.Status,
            string.Join(',', edit.Reasons),
            edit.Score is { } score ? CommentRecords.Invariant(score) : "",
            CommentRecords.Invariant(micro),
            edit.ModelVersion ?? "",
            CommentRecords.ExplanationJson(edit.Explanation),
            CommentRecords.Invariant(now.ToUnixTimeMilliseconds()),
            replaced,
            comment.ThreadParentId is null ? "0" : "1",
            comment.ArticleId,
            audit,
            edit.Reasons.FirstOrDefault() ?? "",
        ];
        var result = (RedisResult[])(await EditScript.Edit.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(comment.Id)), new CommentScripts.StateChange(comment, null), arguments))!;
        return (string)result[0]! switch
        {
            "edited" => (EditOutcome.Edited, (string)result[1]!, long.Parse((string)result[2]!, CultureInfo.InvariantCulture)),
            "same" => (EditOutcome.Same, null, 0),
            "stale" => (EditOutcome.Stale, null, 0),
            "not-editable" => (EditOutcome.NotEditable, null, 0),
            _ => (EditOutcome.NotFound, null, 0),
        };
    }

    /// <summary>A comment's earlier texts, oldest first; empty when it was never edited.</summary>
    public async Task<ImmutableArray<CommentVersion>> VersionsAsync(string commentId) =>
        Parse(await redis.GetDatabase().ListRangeAsync(CommentRedisKeys.Versions(commentId)));

    /// <summary>The earlier texts of each of <paramref name="comments"/> in one round trip; only edited ones are read.</summary>
    internal static async Task<ImmutableArray<CommentVersion>[]> VersionsAsync(IDatabase database, IReadOnlyList<CommentView> comments)
    {
        var batch = database.CreateBatch();
        var reads = comments.Select(comment => comment.EditedAt is null
            ? Task.FromResult(Array.Empty<RedisValue>())
            : batch.ListRangeAsync(CommentRedisKeys.Versions(comment.Id))).ToArray();
        batch.Execute();
        return [.. (await Task.WhenAll(reads)).Select(Parse)];
    }

    private static ImmutableArray<CommentVersion> Parse(RedisValue[] values) =>
        [.. values.Select(json => JsonSerializer.Deserialize<CommentVersion>((string)json!, PublicComment.JsonOptions)!)];
}
