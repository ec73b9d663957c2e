using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;

namespace Moderation.Redis.Moderators;

/// <summary>A human decision as a labelled example for retraining the toxicity model (label: reject 1, approve 0).</summary>
public sealed record FeedbackExample(
    string CommentId, string Text, int Label, double? ModelScore, string? ModelVersion, string Moderator, DateTimeOffset DecidedAt)
{
    public static string Json(CommentView comment, ModerationDecision decision) => JsonSerializer.Serialize(
        new FeedbackExample(
            comment.Id,
            comment.Body,
            decision.Action == ModerationDecision.Reject ? 1 : 0,
            comment.Score,
            comment.ModelVersion,
            decision.ModeratorId,
            decision.At),
        PublicComment.JsonOptions);

    public static FeedbackExample? Parse(string json) => JsonSerializer.Deserialize<FeedbackExample>(json, PublicComment.JsonOptions);
}
