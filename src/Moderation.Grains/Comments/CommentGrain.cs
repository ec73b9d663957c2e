using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Moderators;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;

namespace Moderation.Grains.Comments;

/// <summary>
/// One comment's changes, one at a time: reports, deletion and moderators' decisions (a new comment is stored by the
/// gate through <see cref="CommentPosting"/>, with no activation; <see cref="Post"/> does the same). It holds no state
/// of its own: the comment's hash in Redis is the truth, changed by one script per change. Activations are
/// collected soon, since a thread may have a hundred thousand comments and few change twice.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class CommentGrain(CommentStore comments, CommentPosting posting, DecisionStore decisions, CommentEvents events, TimeProvider clock)
    : Grain, ICommentGrain, ICommentModerationGrain
{
    private string Id => this.GetPrimaryKeyString();

    /// <summary>The same post as the gate's, through the grain: for callers that hold only a grain reference.</summary>
    public async Task<PostResult> Post(CommentDraft draft)
    {
        if (draft.Id != Id)
        {
            throw new ArgumentException($"A draft for comment {draft.Id} reached comment {Id}.", nameof(draft));
        }

        return await posting.PostAsync(draft);
    }

    public Task<CommentView?> Get() => comments.ReadAsync(Id);

    public async Task<ReportResult> Report(CommentReport report)
    {
        var comment = await comments.ReadAsync(Id);
        if (comment is null)
        {
            return ReportResult.NotFound;
        }

        var json = JsonSerializer.Serialize(new ReportEntry(report.ReaderId, report.Reason, report.Note, report.At), PublicComment.JsonOptions);
        return await comments.ReportAsync(comment, json, report.ReaderId, report.Threshold);
    }

    public async Task<CommentView?> Delete(string actorId, bool byModerator)
    {
        var comment = await comments.ReadAsync(Id);
        if (comment is null)
        {
            return null;
        }

        var audit = byModerator
            ? AuditJson.Head(new AuditEntry(clock.GetUtcNow(), actorId, Id, comment.AuthorId, "delete", null, null, null, null, comment.Score))
            : null;
        var deleted = await comments.DeleteAsync(comment, audit, byModerator ? actorId : null);
        if (deleted is { FormerStatus: CommentStatus.Published } change)
        {
            await events.CountAsync(comment.ArticleId, change.PublishedCount);
        }

        return await comments.ReadAsync(Id);
    }

    public async Task<DecisionResult> Decide(ModerationDecision decision)
    {
        var comment = await comments.ReadAsync(Id);
        if (comment is null)
        {
            return new DecisionResult(DecisionOutcome.NotFound, null);
        }

        var audit = AuditJson.Head(new AuditEntry(
            decision.At, decision.ModeratorId, Id, comment.AuthorId, decision.Action, decision.Reason, decision.Note, null, null, comment.Score));
        var feedback = decision.Labelled && comment.Status != CommentStatus.Deleted ? FeedbackExample.Json(comment, decision) : null;
        var (outcome, former, count) = await decisions.DecideAsync(comment, decision, audit, feedback);
        var after = await comments.ReadAsync(Id);
        if (outcome == DecisionOutcome.Applied && after is not null)
        {
            if (after.Status == CommentStatus.Published && former != CommentStatus.Published)
            {
                await events.PublishedAsync(after, count);
            }
            else if (former == CommentStatus.Published && after.Status != CommentStatus.Published)
            {
                await events.CountAsync(after.ArticleId, count);
            }
        }

        return new DecisionResult(outcome, after);
    }
}
