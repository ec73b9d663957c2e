using System.Text.Json;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Comments;
using Moderation.Http;
using Moderation.Http.Moderators;
using Moderation.Redis.ModerationFeed;
using StackExchange.Redis;

namespace Moderation.Api.ModerationStream;

/// <summary>
/// Tells every silo's moderators what changed, after the change is durable. A notice, not a record: when the store
/// cannot take it the change stands, the failure is logged, and a listener sees it at its next queue read.
/// </summary>
public sealed class ModerationFeed(FeedRecords records, TimeProvider clock, ILogger<ModerationFeed> logger)
{
    public Task HeldAsync(CommentView comment) => SendAsync(new ModerationStreamEvent(
        ModerationStreamEvent.CommentHeld, comment.CreatedAt, comment.Id, comment.ArticleId, comment.Status, comment.Revision,
        Reasons: comment.Reasons, ReaderId: comment.AuthorId));

    public Task ReportedAsync(string commentId, string reason) => SendAsync(new ModerationStreamEvent(
        ModerationStreamEvent.CommentReported, clock.GetUtcNow(), commentId, Reason: reason));

    public Task DecidedAsync(CommentView after, string moderatorId, string action, string? reason, DateTimeOffset at) => SendAsync(new ModerationStreamEvent(
        ModerationStreamEvent.CommentDecided, at, after.Id, after.ArticleId, after.Status, after.Revision, moderatorId, action, reason,
        ReaderId: after.AuthorId));

    public Task BannedAsync(string readerId, string moderatorId, string reason, int rejected, DateTimeOffset at) => SendAsync(new ModerationStreamEvent(
        ModerationStreamEvent.ReaderBanned, at, By: moderatorId, Reason: reason, ReaderId: readerId, RejectedComments: rejected));

    private async Task SendAsync(ModerationStreamEvent message)
    {
        try
        {
            await records.PublishAsync(JsonSerializer.Serialize(message, HttpJson.Options));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not tell moderators about {Type} of {Subject}", message.Type, message.CommentId ?? message.ReaderId);
        }
    }
}
