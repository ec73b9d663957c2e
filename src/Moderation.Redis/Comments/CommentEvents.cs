using System.Text.Json;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Tells live listeners of an article about newly published comments and the published count, over Redis pub/sub.
/// Sent after the write is durable; a lost message costs a listener an update, never data, so failures are logged only.
/// </summary>
public sealed class CommentEvents(IConnectionMultiplexer redis, ILogger<CommentEvents> logger)
{
    public Task PublishedAsync(CommentView comment, long count) =>
        SendAsync(comment.ArticleId, new ArticleEvent(ArticleEvent.CommentKind, count, PublicViews.Comment(comment)));

    public Task CountAsync(string articleId, long count) =>
        SendAsync(articleId, new ArticleEvent(ArticleEvent.CountKind, count, null));

    private async Task SendAsync(string articleId, ArticleEvent message)
    {
        try
        {
            var json = JsonSerializer.Serialize(message, PublicComment.JsonOptions);
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(CommentRedisKeys.Events(articleId)), json);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not tell listeners of article {Article} about a change", articleId);
        }
    }
}
