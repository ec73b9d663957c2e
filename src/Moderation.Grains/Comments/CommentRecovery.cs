using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Grains.Comments;

/// <summary>
/// Puts right the counts of the articles whose comments were changing when the store last stopped. The embedded
/// store runs a script's writes under its key locks but logs them one by one, with no transaction markers, so a
/// crash can keep the first writes of a script that never answered and lose the rest. Every comment script writes
/// the article's entry in <see cref="CommentRedisKeys.TouchedArticles"/> first and the comment's own hash last:
/// whatever part of a script survives, the article is listed, and a comment that exists was stored whole.
/// </summary>
public sealed class CommentRecovery(IGrainFactory grains, IConnectionMultiplexer redis, ILogger<CommentRecovery> logger)
{
    /// <summary>Scripts in flight at a crash ran within moments of the last write; a minute leaves room for clock steps.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <returns>The recount of each article changed within <see cref="Window"/> of the last change.</returns>
    public async Task<IReadOnlyList<CommentRecountReport>> RecoverAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var newest = await database.SortedSetRangeByRankWithScoresAsync(CommentRedisKeys.TouchedArticles, -1, -1);
        if (newest.Length == 0)
        {
            return [];
        }

        var since = newest[0].Score - Window.TotalMilliseconds;
        var articles = await database.SortedSetRangeByScoreAsync(CommentRedisKeys.TouchedArticles, since, double.PositiveInfinity);
        var reports = new List<CommentRecountReport>();
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = await grains.GetGrain<IArticleGrain>((string)article!).RecountComments();
            if (report is null)
            {
                logger.LogWarning("Comments of article {Article} kept changing; its counts were not checked after the restart", (string?)article);
                continue;
            }

            if (report.Published != report.PublishedBefore || report.ReplyCountsCorrected > 0)
            {
                logger.LogWarning(
                    "Corrected the counts of article {Article} after the restart: published {Before} -> {After}, {Replies} reply counts",
                    report.ArticleId, report.PublishedBefore, report.Published, report.ReplyCountsCorrected);
            }

            reports.Add(report);
        }

        logger.LogInformation(
            "Checked the comment counts of {Count} articles changed in the minute before {Last}",
            reports.Count,
            DateTimeOffset.FromUnixTimeMilliseconds((long)newest[0].Score).ToString("u", CultureInfo.InvariantCulture));
        return reports;
    }
}
