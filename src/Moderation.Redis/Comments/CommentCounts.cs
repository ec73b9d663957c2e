using System.Globalization;
using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>An article's published comment count, kept by the comment scripts next to the thread index.</summary>
public sealed class CommentCounts(IConnectionMultiplexer redis, CommentParts parts)
{
    public async Task<int> PublishedAsync(string articleId)
    {
        var value = await redis.GetDatabase().HashGetAsync(CommentRedisKeys.Counts(parts.OfArticle(articleId), articleId), "published");
        return int.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
