using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Reads the index of articles by the time a comment script last changed them (<see cref="CommentRedisKeys.TouchedArticles"/>),
/// which every comment script writes first: what the recovery after a crash rechecks.
/// </summary>
public sealed class TouchedArticles(IConnectionMultiplexer redis)
{
    /// <returns>The articles changed within <paramref name="window"/> of the last change, and when that was; none and null when no article was ever touched.</returns>
    public async Task<(string[] ArticleIds, DateTimeOffset? Last)> RecentAsync(TimeSpan window)
    {
        var database = redis.GetDatabase();
        var newest = await database.SortedSetRangeByRankWithScoresAsync(CommentRedisKeys.TouchedArticles, -1, -1);
        if (newest.Length == 0)
        {
            return ([], null);
        }

        var since = newest[0].Score - window.TotalMilliseconds;
        var articles = await database.SortedSetRangeByScoreAsync(CommentRedisKeys.TouchedArticles, since, double.PositiveInfinity);
        return ([.. articles.Select(article => (string)article!)], DateTimeOffset.FromUnixTimeMilliseconds((long)newest[0].Score));
    }
}
