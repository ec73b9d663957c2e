using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>A moderator's decision, written by <see cref="DecisionScript.Decide"/>.</summary>
public sealed class DecisionStore(RedisWriteConnections writes, WebhookSubscriptions webhooks)
{
    /// <returns>The outcome, the status before and the article's published count after.</returns>
    public async Task<(DecisionOutcome Outcome, string? FormerStatus, long PublishedCount)> DecideAsync(
        CommentView comment, ModerationDecision decision, string auditHead, string? feedbackJson)
    {
        var (eventType, status) = decision.Action == ModerationDecision.Approve
            ? (WebhookEvents.CommentApproved, CommentStatus.Published)
            : (WebhookEvents.CommentRejected, CommentStatus.Rejected);
        var webhookEvent = await webhooks.WantsAsync(eventType)
            ? WebhookEvents.Comment(eventType, comment, status, decision.ModeratorId, decision.Reason, decision.At)
            : "";
        RedisValue[] arguments =
        [
            decision.Action,
            decision.Revision is { } revision ? CommentRecords.Invariant(revision) : "",
            comment.Id,
            auditHead,
            feedbackJson ?? "",
            comment.ThreadParentId is null ? "0" : "1",
            CommentRecords.Invariant(decision.At.ToUnixTimeMilliseconds()),
            comment.ArticleId,
            decision.Reason ?? "",
            webhookEvent,
        ];

        var result = (RedisResult[])(await DecisionScript.Decide.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(comment.Id)), new CommentScripts.StateChange(comment, decision.ModeratorId), arguments))!;
        return (string)result[0]! switch
        {
            "applied" => (DecisionOutcome.Applied, (string)result[1]!, long.Parse((string)result[2]!, CultureInfo.InvariantCulture)),
            "stale" => (DecisionOutcome.StaleRevision, null, 0),
            "deleted" => (DecisionOutcome.Deleted, null, 0),
            _ => (DecisionOutcome.NotFound, null, 0),
        };
    }
}
