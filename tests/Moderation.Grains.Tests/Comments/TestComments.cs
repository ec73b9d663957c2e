using Moderation.Contracts.Comments;

namespace Moderation.Grains.Tests.Comments;

internal static class TestComments
{
    public static string NewArticle() => "article-" + Guid.NewGuid().ToString("N")[..12];

    public static CommentDraft Draft(
        string articleId, string author = "ann", string? parentId = null, double score = 0.05, string? held = null, string body = "A civil remark.") =>
        new("c" + Guid.NewGuid().ToString("N")[..16], articleId, parentId, author, author, body, DateTimeOffset.UtcNow,
            held is null ? CommentStatus.Published : CommentStatus.Pending,
            held is null ? [] : [held], score, "test-model", 0.5, [new ScoreTerm("remark", -0.4)]);

    public static async Task<CommentView> PostAsync(this IGrainFactory grains, CommentDraft draft)
    {
        var result = await grains.GetGrain<ICommentGrain>(draft.Id).Post(draft);
        return result.Comment ?? throw new InvalidOperationException("The post was refused.");
    }
}
