using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Grains.Tests.Comments;

internal static class TestComments
{
    public static string NewArticle() => "article-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The part of a test article: its hashed one, since no test article had comments before the parts.</summary>
    public static int Part(string articleId) => CommentParts.Hashed(articleId);

    /// <summary>A new comment id in the article's part, as the gate makes them.</summary>
    public static string CommentId(string articleId) => CommentParts.CommentId("c" + Guid.NewGuid().ToString("N")[..16], Part(articleId));

    public static CommentDraft Draft(
        string articleId, string author = "ann", string? parentId = null, double score = 0.05, string? held = null, string body = "A civil remark.") =>
        new(CommentId(articleId), articleId, parentId, author, author, body, DateTimeOffset.UtcNow,
            held is null ? CommentStatus.Published : CommentStatus.Pending,
            held is null ? [] : [held], score, "test-model", 0.5, [new ScoreTerm("remark", -0.4)]);

    public static async Task<CommentView> PostAsync(this IGrainFactory grains, CommentDraft draft)
    {
        var result = await grains.GetGrain<ICommentGrain>(draft.Id).Post(draft);
        return result.Comment ?? throw new InvalidOperationException("The post was refused.");
    }
}
