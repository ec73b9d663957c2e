using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Grains.Moderators;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Grains.Webhooks;
using Moderation.Redis.Webhooks;

namespace Moderation.Grains.Readers;

/// <summary>
/// A reader's standing. The grain state is the truth; the banned set in Redis mirrors it for cheap checks and is
/// put right on activation, in case a crash fell between the two writes.
/// </summary>
public sealed class ReaderGrain(
    [PersistentState("reader", GrainStorage.Name)] IPersistentState<ReaderState> state,
    BannedReaders banned,
    AuditStore audit,
    GrainEventRecorder webhooks) : Grain, IReaderGrain
{
    private string ReaderId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.RecordExists ? banned.MarkAsync(ReaderId, state.State.Banned) : Task.CompletedTask;

    public Task<ReaderStanding> Get() => Task.FromResult(Standing());

    public async Task<IReadOnlyList<CommentView>> Ban(BanOrder order)
    {
        var newlyBanned = !state.State.Banned;
        var banEvent = newlyBanned
            ? await webhooks.PrepareAsync(PendingGrainEvent.Reader, ReaderId, WebhookEvents.ReaderBanned,
                eventId => WebhookEvents.Banned(eventId, ReaderId, order.ModeratorId, order.Reason, order.At))
            : null;
        state.State.Banned = true;
        state.State.Reason = order.Reason;
        state.State.BannedBy = order.ModeratorId;
        state.State.BannedAt = order.At;
        if (newlyBanned)
        {
            state.State.BanEvent = banEvent;
        }

        await state.WriteOrDeactivateAsync(this);
        await banned.MarkAsync(ReaderId, true);
        await audit.AppendAsync(new AuditEntry(order.At, order.ModeratorId, null, ReaderId, "ban", order.Reason, null, null, null, null));
        if (banEvent is not null)
        {
            await webhooks.RecordAsync(PendingGrainEvent.Reader, ReaderId, banEvent);
        }

        if (!order.RejectPending)
        {
            return [];
        }

        var rejected = new List<CommentView>();
        foreach (var commentId in await banned.PendingCommentsAsync(ReaderId))
        {
            var decision = new ModerationDecision(
                ModerationDecision.Reject, ModerationDecision.BannedReason, order.Reason, Revision: null, order.ModeratorId, order.At, Labelled: false);
            var result = await GrainFactory.GetGrain<ICommentModerationGrain>(commentId).Decide(decision);
            if (result is { Outcome: DecisionOutcome.Applied, Comment: { } comment })
            {
                rejected.Add(comment);
            }
        }

        return rejected;
    }

    public async Task<bool> Unban(string moderatorId, DateTimeOffset at)
    {
        if (!state.State.Banned)
        {
            return false;
        }

        state.State.Banned = false;
        state.State.Reason = null;
        state.State.BannedBy = null;
        state.State.BannedAt = null;
        await state.WriteOrDeactivateAsync(this);
        await banned.MarkAsync(ReaderId, false);
        await audit.AppendAsync(new AuditEntry(at, moderatorId, null, ReaderId, "unban", null, null, null, null, null));
        return true;
    }

    public Task RecordPendingEvent(string eventId) =>
        webhooks.RecoverAsync(PendingGrainEvent.Reader, ReaderId, eventId, state.State.BanEvent);

    public async Task<bool> Forget()
    {
        // A ban outlives an erasure: otherwise erasing oneself would lift one.
        if (state.State.Banned)
        {
            return false;
        }

        await state.ClearStateAsync();
        await banned.MarkAsync(ReaderId, false);
        DeactivateOnIdle();
        return true;
    }

    private ReaderStanding Standing() =>
        new(ReaderId, state.State.Banned, state.State.Reason, state.State.BannedBy, state.State.BannedAt);
}
