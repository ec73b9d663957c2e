using Orleans.Concurrency;

namespace Moderation.Contracts.Articles;

/// <summary>One news article, keyed by the site's own article id: its settings and what hangs on it.</summary>
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>The article as readers and widgets see it; an unknown article has default settings.</summary>
    /// <remarks>Read-only, so that every comment posted to a busy article reads its settings at once, not in turn.</remarks>
    [ReadOnly]
    Task<ArticleView> Get();

    /// <summary>Applies the given settings (null fields stay as they are) durably and returns the article.</summary>
    Task<ArticleView> UpdateSettings(ArticleSettingsUpdate update);

    /// <summary>Lists a poll on the article durably; attaching it again changes nothing.</summary>
    Task AttachPoll(string pollId);

    /// <summary>
    /// Counts the published comments and each comment's published replies from the comments themselves, and puts
    /// right the kept counts that differ. Null when the thread changed throughout every attempt.
    /// </summary>
    Task<CommentRecountReport?> RecountComments();
}
