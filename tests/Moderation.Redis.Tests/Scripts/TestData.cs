using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;

namespace Moderation.Redis.Tests.Scripts;

internal static class TestData
{
    public static string NewArticle() => "article-" + Guid.NewGuid().ToString("N")[..12];

    public static CommentDraft Draft(string articleId, string author = "ann", string? parentId = null, bool held = false, double score = 0.05) =>
        new("c" + Guid.NewGuid().ToString("N")[..16], articleId, parentId, author, author, "A civil remark.", DateTimeOffset.UtcNow,
            held ? CommentStatus.Pending : CommentStatus.Published, held ? ["toxicity"] : [], score, "test-model", 0.5, []);

    public static ModerationDecision Decision(string action, long? revision, string moderator = "mia") =>
        new(action, action == ModerationDecision.Reject ? "abusive" : null, "", revision, moderator, DateTimeOffset.UtcNow, Labelled: true);
}
