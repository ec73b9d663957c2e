using Orleans.Concurrency;

namespace Moderation.Contracts.Articles;

/// <summary>One news article, keyed by the site's own article id: its settings and what hangs on it.</summary>
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>The article as readers and widgets see it; an unknown article has default settings.</summary>
    /// <remarks>Read-only, so that every comment posted to a busy article reads its settings at once, not in turn.</remarks>
    [ReadOnly]
    Task<ArticleView> Get();

    /// <summary>The article's settings, as <see cref="Get"/> gives them but with a comment count of 0: not read from the store.</summary>
    /// <remarks>
    /// What the comment gate needs. The published count lives beside the thread, under the key lock of every post
    /// script in flight on the article, so reading it would wait for the writes of the batch before.
    /// </remarks>
    [ReadOnly]
    Task<ArticleView> Settings();

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
