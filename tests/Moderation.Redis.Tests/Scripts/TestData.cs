using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;

namespace Moderation.Redis.Tests.Scripts;

internal static class TestData
{
    public static string NewArticle() => "article-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The part of a test article: its hashed one, since no test article had comments before the parts.</summary>
    public static int Part(string articleId) => CommentParts.Hashed(articleId);

    /// <summary>A new comment id in the article's part.</summary>
    public static string CommentId(string articleId) => CommentParts.CommentId("c" + Guid.NewGuid().ToString("N")[..16], Part(articleId));

    public static CommentDraft Draft(string articleId, string author = "ann", string? parentId = null, bool held = false, double score = 0.05) =>
        new(CommentId(articleId), articleId, parentId, author, author, "A civil remark.", DateTimeOffset.UtcNow,
            held ? CommentStatus.Pending : CommentStatus.Published, held ? ["toxicity"] : [], score, "test-model", 0.5, []);

    public static ModerationDecision Decision(string action, long? revision, string moderator = "mia") =>
        new(action, action == ModerationDecision.Reject ? "abusive" : null, "", revision, moderator, DateTimeOffset.UtcNow, Labelled: true);
}
