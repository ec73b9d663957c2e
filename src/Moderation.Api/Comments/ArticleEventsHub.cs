using Moderation.Api.Events;
using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using StackExchange.Redis;

namespace Moderation.Api.Comments;

/// <summary>One Redis subscription per article per process for its live comments, fanned out to local listeners.</summary>
public sealed class ArticleEventsHub(IConnectionMultiplexer redis)
{
    // Every comment matters to a listener, unlike poll results where the newest says it all; a listener more
    // than this far behind loses the oldest.
    private const int BufferPerListener = 256;

    private readonly RedisFanOut<string> _fanOut = new(
        redis, articleId => RedisChannel.Literal(CommentRedisKeys.Events(articleId)), message => (string)message!, BufferPerListener);

    public Task<FanOutListener<string>> ListenAsync(string articleId) => _fanOut.ListenAsync(articleId);

    public int ListenerCount(string articleId) => _fanOut.ListenerCount(articleId);
}
