using Moderation.Contracts.Articles;
using Moderation.Grains.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Grains.Articles;

public sealed class ArticleGrain(
    [PersistentState("article", GrainStorage.Name)] IPersistentState<ArticleState> state,
    CommentCounts comments,
    CommentRecount recount,
    CommentEvents events) : Grain, IArticleGrain
{
    public async Task<ArticleView> Get() => View(await comments.PublishedAsync(this.GetPrimaryKeyString()));

    public Task<ArticleView> Settings() => Task.FromResult(View(commentCount: 0));

    public async Task<ArticleView> UpdateSettings(ArticleSettingsUpdate update)
    {
        if (update.HoldThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(update), "The hold threshold must be in [0,1].");
        }

        if (update.Trust is { NewReaderComments: < 0 } or { LinkApprovedComments: < 0 } or { RecentRejections: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(update), "Trust rule counts must not be negative.");
        }

        var article = state.State;
        article.CommentsOpen = update.CommentsOpen ?? article.CommentsOpen;
        article.Premoderation = update.Premoderation ?? article.Premoderation;
        article.HoldThreshold = update.HoldThreshold ?? article.HoldThreshold;
        if (update.Trust is { } trust)
        {
            article.Trust = trust is { NewReaderComments: null, LinkApprovedComments: null, RecentRejections: null } ? null : trust;
        }
        await state.WriteOrDeactivateAsync(this);
        return View(await comments.PublishedAsync(this.GetPrimaryKeyString()));
    }

    public async Task AttachPoll(string pollId)
    {
        if (state.State.PollIds.Contains(pollId))
        {
            return;
        }

        state.State.PollIds.Add(pollId);
        await state.WriteOrDeactivateAsync(this);
    }

    public async Task<CommentRecountReport?> RecountComments()
    {
        var report = await recount.RecountAsync(this.GetPrimaryKeyString());
        if (report is not null && report.Published != report.PublishedBefore)
        {
            await events.CountAsync(report.ArticleId, report.Published);
        }

        return report;
    }

    /// <param name="commentCount">The published count, which the comment scripts keep in Redis next to the thread, not in this state.</param>
    private ArticleView View(int commentCount)
    {
        var article = state.State;
        return new ArticleView(
            this.GetPrimaryKeyString(),
            article.CommentsOpen,
            article.Premoderation,
            article.HoldThreshold,
            commentCount,
            [.. article.PollIds],
            article.Trust);
    }
}
