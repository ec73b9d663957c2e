using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Reads the index of articles by the time a comment script last changed them (<see cref="CommentRedisKeys.TouchedArticles"/>,
/// one per part), which every comment script writes first: what the recovery after a crash rechecks.
/// </summary>
public sealed class TouchedArticles(IConnectionMultiplexer redis)
{
    /// <returns>
    /// The articles of every part changed within <paramref name="window"/> of the last change in any part, and when that
    /// was; none and null when no article was ever touched.
    /// </returns>
    public async Task<(string[] ArticleIds, DateTimeOffset? Last)> RecentAsync(TimeSpan window)
    {
        var database = redis.GetDatabase();
        var newest = await Task.WhenAll(CommentParts.All.Select(part =>
            database.SortedSetRangeByRankWithScoresAsync(CommentRedisKeys.TouchedArticles(part), -1, -1)));
        if (newest.All(entries => entries.Length == 0))
        {
            return ([], null);
        }

        var last = newest.Where(entries => entries.Length > 0).Max(entries => entries[0].Score);
        var since = last - window.TotalMilliseconds;
        var articles = await Task.WhenAll(CommentParts.All.Select(part =>
            database.SortedSetRangeByScoreAsync(CommentRedisKeys.TouchedArticles(part), since, double.PositiveInfinity)));
        return ([.. articles.SelectMany(entries => entries).Select(article => (string)article!).Distinct(StringComparer.Ordinal)],
            DateTimeOffset.FromUnixTimeMilliseconds((long)last));
    }
}
