using System.Text.Json;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Comments;
using Moderation.Http;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using StackExchange.Redis;

namespace Moderation.Api.Readers;

/// <summary>
/// Tells readers what became of their comments: a published reply to one, a moderator's decision, a pick. Called
/// right after the durable change, as the moderation feed is; a notice that cannot be stored is logged and lost, the
/// change stands.
/// </summary>
public sealed class ReaderNotifier(ReaderNotices notices, CommentStore comments, TimeProvider clock, ILogger<ReaderNotifier> logger)
{
    /// <summary>A newly published reply: a notice to the author of the comment it answers, unless they wrote it.</summary>
    public async Task ReplyPublishedAsync(CommentView reply)
    {
        if (reply.ParentId is not { } parentId || reply.Status != CommentStatus.Published)
        {
            return;
        }

        try
        {
            if (await comments.ReadAsync(parentId) is { } parent && parent.AuthorId != reply.AuthorId)
            {
                await SendAsync(parent.AuthorId, new ReaderNoticeEvent(
                    ReaderNoticeEvent.Reply, clock.GetUtcNow(), reply.Id, reply.ArticleId, parentId, reply.AuthorName));
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not tell the author of {Parent} about reply {Reply}", parentId, reply.Id);
        }
    }

    /// <summary>A moderator's decision: <c>approved</c> or <c>rejected</c> (with the reason) to the author; a reply it publishes, to its parent's author.</summary>
    public async Task DecidedAsync(string? formerStatus, CommentView after, string? reason, DateTimeOffset at)
    {
        if (after.Status == CommentStatus.Published)
        {
            await SendAsync(after.AuthorId, new ReaderNoticeEvent(ReaderNoticeEvent.Approved, at, after.Id, after.ArticleId));
            if (formerStatus != CommentStatus.Published)
            {
                await ReplyPublishedAsync(after);
            }
        }
        else if (after.Status == CommentStatus.Rejected)
        {
            await SendAsync(after.AuthorId, new ReaderNoticeEvent(ReaderNoticeEvent.Rejected, at, after.Id, after.ArticleId, Reason: reason));
        }
    }

    /// <summary>An editor's or moderator's pick.</summary>
    public Task FeaturedAsync(CommentView comment) =>
        SendAsync(comment.AuthorId, new ReaderNoticeEvent(ReaderNoticeEvent.Featured, clock.GetUtcNow(), comment.Id, comment.ArticleId));

    private async Task SendAsync(string readerId, ReaderNoticeEvent notice)
    {
        try
        {
            await notices.SendAsync(readerId, JsonSerializer.Serialize(notice, HttpJson.Options));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not send a {Type} notice about {Comment}", notice.Type, notice.CommentId);
        }
    }
}
