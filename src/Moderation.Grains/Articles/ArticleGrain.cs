using Moderation.Contracts.Articles;

namespace Moderation.Grains.Articles;

public sealed class ArticleGrain(
    [PersistentState("article", GrainStorage.Name)] IPersistentState<ArticleState> state) : Grain, IArticleGrain
{
    public Task<ArticleView> Get() => Task.FromResult(View());

    public async Task<ArticleView> UpdateSettings(ArticleSettingsUpdate update)
    {
        if (update.HoldThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(update), "The hold threshold must be in [0,1].");
        }

        var article = state.State;
        article.CommentsOpen = update.CommentsOpen ?? article.CommentsOpen;
        article.Premoderation = update.Premoderation ?? article.Premoderation;
        article.HoldThreshold = update.HoldThreshold ?? article.HoldThreshold;
        await state.WriteOrDeactivateAsync(this);
        return View();
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

    private ArticleView View()
    {
        var article = state.State;
        return new ArticleView(
            this.GetPrimaryKeyString(),
            article.CommentsOpen,
            article.Premoderation,
            article.HoldThreshold,
            article.CommentCount,
            [.. article.PollIds]);
    }
}
