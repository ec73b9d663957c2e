using Moderation.Contracts.Polls;
using Moderation.Grains.Webhooks;
using Moderation.Redis.Polls;
using Moderation.Redis.Webhooks;

namespace Moderation.Grains.Polls;

public sealed class PollGrain(
    [PersistentState("poll", GrainStorage.Name)] IPersistentState<PollState> state,
    GrainEventRecorder webhooks,
    PollIndex index,
    TimeProvider clock) : Grain, IPollGrain
{
    // A poll created before the editors' list existed, or whose silo died between its state and its entry, joins the
    // list the next time it is used: a vote, a read or its tally activates this grain.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is { } definition)
        {
            await index.AddAsync(definition.Id, definition.CreatedAt);
        }
    }

    public async Task<PollView> Create(PollDefinition definition)
    {
        if (state.State.Definition is null)
        {
            state.State.Definition = definition;
            await state.WriteOrDeactivateAsync(this);
            await index.AddAsync(definition.Id, definition.CreatedAt);
            await Tally().Publish();
        }

        return View()!;
    }

    public Task<PollView?> Get() => Task.FromResult(View());

    public async Task<PollScheduleResult> Schedule(PollScheduleChange change)
    {
        var poll = View();
        var now = clock.GetUtcNow();
        if (poll is null)
        {
            return new PollScheduleResult(PollScheduleOutcome.UnknownPoll, null);
        }

        if (poll.IsClosedAt(now))
        {
            return new PollScheduleResult(PollScheduleOutcome.Closed, poll);
        }

        if (change.MovesOpening && !poll.IsScheduledAt(now))
        {
            return new PollScheduleResult(PollScheduleOutcome.AlreadyOpen, poll);
        }

        var closesAt = change.MovesClosing ? change.ClosesAt : poll.Definition.ClosesAt;
        var opensAt = change.MovesOpening ? change.OpensAt : poll.Definition.OpensAt;
        if (closesAt is { } closing && opensAt is { } opening && closing <= opening)
        {
            return new PollScheduleResult(PollScheduleOutcome.ClosesBeforeOpening, poll);
        }

        state.State.Definition = poll.Definition with { ClosesAt = closesAt, OpensAt = opensAt };
        await state.WriteOrDeactivateAsync(this);
        poll = View()!;
        await Task.WhenAll(Enumerable.Range(0, poll.Definition.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(poll.Definition.Id, shard)).Reschedule(poll)));
        // The tally re-reads the poll: its status and the expiry of the cached results follow the new closesAt.
        await Tally().Publish();
        return new PollScheduleResult(PollScheduleOutcome.Moved, poll);
    }

    public async Task<PollView?> Close()
    {
        var definition = state.State.Definition;
        if (definition is null)
        {
            return null;
        }

        if (!state.State.Closed)
        {
            var closedEvent = await webhooks.PrepareAsync(PendingGrainEvent.Poll, definition.Id, WebhookEvents.PollClosed,
                eventId => WebhookEvents.Closed(eventId, definition.Id, definition.ArticleId, clock.GetUtcNow()));
            state.State.Closed = true;
            state.State.ClosedEvent = closedEvent;
            await state.WriteOrDeactivateAsync(this);
            if (closedEvent is not null)
            {
                await webhooks.RecordAsync(PendingGrainEvent.Poll, definition.Id, closedEvent);
            }
        }

        // Even when already closed: a retry after a partial failure reaches every shard.
        await Task.WhenAll(Enumerable.Range(0, definition.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(definition.Id, shard)).Close()));
        await Tally().Publish();
        return View();
    }

    public Task RecordPendingEvent(string eventId) =>
        webhooks.RecoverAsync(PendingGrainEvent.Poll, this.GetPrimaryKeyString(), eventId, state.State.ClosedEvent);

    private IPollTallyGrain Tally() => GrainFactory.GetGrain<IPollTallyGrain>(this.GetPrimaryKeyString());

    private PollView? View() => state.State.Definition is { } definition ? new PollView(definition, state.State.Closed) : null;
}
