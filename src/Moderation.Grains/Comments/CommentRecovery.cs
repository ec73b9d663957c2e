using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Articles;
using Moderation.Redis.Comments;

namespace Moderation.Grains.Comments;

/// <summary>
/// Puts right the counts of the articles whose comments were changing when the store last stopped. The embedded
/// store runs a script's writes under its key locks but logs them one by one, with no transaction markers, so a
/// crash can keep the first writes of a script that never answered and lose the rest. Every comment script writes
/// the article's entry in <see cref="CommentRedisKeys.TouchedArticles"/> first and the comment's own hash last:
/// whatever part of a script survives, the article is listed, and a comment that exists was stored whole.
/// </summary>
public sealed class CommentRecovery(IGrainFactory grains, TouchedArticles touched, ILogger<CommentRecovery> logger)
{
    /// <summary>Scripts in flight at a crash ran within moments of the last write; a minute leaves room for clock steps.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <returns>The recount of each article changed within <see cref="Window"/> of the last change.</returns>
    public async Task<IReadOnlyList<CommentRecountReport>> RecoverAsync(CancellationToken cancellationToken)
    {
        var (articles, last) = await touched.RecentAsync(Window);
        if (last is null)
        {
            return [];
        }

        var reports = new List<CommentRecountReport>();
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = await grains.GetGrain<IArticleGrain>(article).RecountComments();
            if (report is null)
            {
                logger.LogWarning("Comments of article {Article} kept changing; its counts were not checked after the restart", article);
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
            last.Value.ToString("u", CultureInfo.InvariantCulture));
        return reports;
    }
}
