using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using Moderation.Redis.Readers;
using Orleans.Concurrency;

namespace Moderation.Grains.Polls;

/// <summary>
/// Group commit: the first vote starts a write at once; votes that arrive while it is under way wait and
/// go together in the next write. Every caller's answer comes only after the write that holds its vote.
/// Reentrant so that votes keep arriving while a write is awaited; all state changes happen between awaits.
/// The ban check is made here, once per batch just before its write, rather than once per request: a lookup per
/// vote was a store round trip per vote (two socket sends and two wake-ups), as many as the vote's own share of its
/// batch's write. A reader banned before the check is refused; a ban after it is like a ban after the vote.
/// </summary>
[Reentrant]
public sealed class VoteShardGrain(VoteStore store, BannedReaders bans, TimeProvider clock, ILogger<VoteShardGrain> logger) : Grain, IVoteShardGrain
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a deactivation waits for its last report. The tally grain may be on a silo that just died, and a call
    /// to it waits until the cluster declares that silo dead; meanwhile every vote for this shard would queue behind
    /// the deactivation. The next activation reports the shard's count from the store instead.
    /// </summary>
    private static readonly TimeSpan LastReportLimit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Ballots per script at most. The script unpacks two values per ballot onto Lua's stack, which Redis's Lua 5.1
    /// caps at 8,000; a thousand also bounds how long one script holds the store.
    /// </summary>
    private const int MaxBatch = 1000;

    private readonly List<PendingBallot> _queued = [];
    private string _pollId = "";
    private int _shard;
    private PollView? _poll;
    private bool _closed;
    private Task? _committing;
    private ImmutableDictionary<string, long> _tally = ImmutableDictionary<string, long>.Empty;
    private bool _tallyChanged;
    private Task? _reporting;
    private DateTimeOffset _reportedAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        _pollId = key[..slash];
        _shard = int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _poll = await GrainFactory.GetGrain<IPollGrain>(_pollId).Get();
        _closed = _poll?.Closed ?? false;
        _tally = await store.CountAsync(_pollId, _shard);
        // Report what the store holds at once: an earlier activation's last report may never have arrived.
        _tallyChanged = true;
        this.RegisterGrainTimer(ReportIfChanged, new GrainTimerCreationOptions(ReportInterval, ReportInterval) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await ReportIfChanged().WaitAsync(LastReportLimit, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Shard {Shard} of poll {Poll} could not report its tally while deactivating", _shard, _pollId);
        }
    }

    public Task<VoteOutcome> Vote(Ballot ballot)
    {
        var outcome = Enqueue(ballot);
        CommitIfIdle();
        return outcome;
    }

    public Task<VoteOutcome[]> VoteAll(ImmutableArray<Ballot> ballots)
    {
        // All of them queued before the commit starts, so that they go in one batch rather than the first alone.
        var outcomes = new Task<VoteOutcome>[ballots.Length];
        for (var i = 0; i < ballots.Length; i++)
        {
            outcomes[i] = Enqueue(ballots[i]);
        }

        CommitIfIdle();
        return Task.WhenAll(outcomes);
    }

    private Task<VoteOutcome> Enqueue(Ballot ballot)
    {
        if (Refusal(ballot) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var pending = new PendingBallot(ballot);
        _queued.Add(pending);
        return pending.Outcome.Task;
    }

    private void CommitIfIdle()
    {
        if (_committing is null && _queued.Count > 0)
        {
            // A commit that finished without awaiting (a store that failed at once) has already cleared the field in
            // its finally block: keeping its completed task would stop every later vote from being committed.
            var committing = CommitQueued();
            _committing = committing.IsCompleted ? null : committing;
        }
    }

    public async Task<string?> GetVote(string readerId) => await store.ReadVoteAsync(_pollId, _shard, readerId);

    public Task Reschedule(PollView poll)
    {
        _poll = poll;
        return Task.CompletedTask;
    }

    public async Task<bool> Retract(string readerId)
    {
        // The retraction is one script, as each batch's commit is: whichever runs first, each moves the tally by what it did.
        if (await store.RetractAsync(_pollId, _shard, readerId) is not { } option)
        {
            return false;
        }

        _tally = _tally.SetItem(option, _tally.GetValueOrDefault(option) - 1);
        _tallyChanged = true;
        await ReportIfChanged();
        return true;
    }

    public async Task<int> Restore(ImmutableArray<Ballot> ballots)
    {
        // Through the store's script, as a batch of votes is: the hash stays the one truth, and the tally moves by what it counted.
        var committed = await store.CommitAsync(_pollId, _shard, allowChange: false, ballots);
        var tally = _tally.ToBuilder();
        var counted = 0;
        for (var i = 0; i < ballots.Length; i++)
        {
            if (committed[i].Outcome == VoteOutcome.Counted)
            {
                tally[ballots[i].OptionId] = tally.GetValueOrDefault(ballots[i].OptionId) + 1;
                counted++;
            }
        }

        if (counted > 0)
        {
            _tally = tally.ToImmutable();
            _tallyChanged = true;
            await ReportIfChanged();
        }

        return counted;
    }

    public async Task Close()
    {
        _closed = true;
        while (_committing is { } committing)
        {
            await committing;
        }

        await ReportIfChanged();
    }

    private VoteOutcome? Refusal(Ballot ballot)
    {
        if (_poll is null)
        {
            return VoteOutcome.UnknownPoll;
        }

        if (_closed || _poll.IsClosedAt(clock.GetUtcNow()))
        {
            return VoteOutcome.PollClosed;
        }

        if (_poll.IsScheduledAt(clock.GetUtcNow()))
        {
            return VoteOutcome.NotYetOpen;
        }

        if (ballot.IsAnonymous && !_poll.Definition.AllowAnonymous)
        {
            return VoteOutcome.AnonymousNotAllowed;
        }

        return PollChoices.IsValid(_poll.Definition, ballot.OptionId) ? null : VoteOutcome.UnknownOption;
    }

    private async Task CommitQueued()
    {
        try
        {
            while (_queued.Count > 0)
            {
                var count = Math.Min(_queued.Count, MaxBatch);
                var batch = _queued.GetRange(0, count).ToArray();
                _queued.RemoveRange(0, count);
                await CommitBatch(batch);
            }
        }
        finally
        {
            _committing = null;
        }
    }

    private async Task CommitBatch(PendingBallot[] queued)
    {
        PendingBallot[] batch;
        CommittedVote[] committed;
        try
        {
            batch = await WithoutBanned(queued);
            if (batch.Length == 0)
            {
                return;
            }

            committed = await store.CommitAsync(_pollId, _shard, _poll!.Definition.AllowVoteChange, [.. batch.Select(pending => pending.Ballot)]);
        }
        catch (Exception exception)
        {
            // The batch may or may not have reached the store: answer none of it as counted, and let the next
            // activation read the tally back from the store rather than trust this one's.
            logger.LogWarning(exception, "Committing {Count} votes to shard {Shard} of poll {Poll} failed", queued.Length, _shard, _pollId);
            this.DeactivateOnIdle();
            foreach (var pending in queued)
            {
                pending.Outcome.TrySetException(exception);
            }

            return;
        }

        var tally = _tally.ToBuilder();
        for (var i = 0; i < batch.Length; i++)
        {
            var (outcome, previous) = committed[i];
            if (outcome is VoteOutcome.Counted or VoteOutcome.Changed)
            {
                tally[batch[i].Ballot.OptionId] = tally.GetValueOrDefault(batch[i].Ballot.OptionId) + 1;
                _tallyChanged = true;
            }

            if (previous is not null)
            {
                tally[previous] = tally.GetValueOrDefault(previous) - 1;
            }
        }

        _tally = tally.ToImmutable();
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].Outcome.TrySetResult(committed[i].Outcome);
        }

        // A lone vote is reported at once rather than at the next tick; on a busy shard the timer does it.
        if (_tallyChanged && _reporting is null or { IsCompleted: true } && clock.GetUtcNow() - _reportedAt >= ReportInterval)
        {
            _ = ReportAtOnce();
        }
    }

    /// <summary>Answers the banned readers' ballots as refused and returns the others.</summary>
    private async Task<PendingBallot[]> WithoutBanned(PendingBallot[] queued)
    {
        var banned = await bans.AreBannedAsync([.. queued.Select(pending => pending.Ballot.ReaderId)]);
        if (!banned.Contains(true))
        {
            return queued;
        }

        for (var i = 0; i < queued.Length; i++)
        {
            if (banned[i])
            {
                queued[i].Outcome.TrySetResult(VoteOutcome.Banned);
            }
        }

        return [.. queued.Where((_, i) => !banned[i])];
    }

    private async Task ReportAtOnce()
    {
        try
        {
            await ReportIfChanged();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Shard {Shard} of poll {Poll} could not report its tally; the next tick tries again", _shard, _pollId);
        }
    }

    /// <summary>One report at a time, so that the tally grain never gets an older count after a newer one.</summary>
    private async Task ReportIfChanged()
    {
        // A completed report counts as none: its sender's continuation, which clears the field, may not have run yet,
        // and it cannot while this turn waits on the same scheduler.
        while (_reporting is { IsCompleted: false } earlier)
        {
            // Its own caller sees its failure; this one only waits for its turn.
            await earlier.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        if (!_tallyChanged)
        {
            return;
        }

        _tallyChanged = false;
        _reportedAt = clock.GetUtcNow();
        var reporting = GrainFactory.GetGrain<IPollTallyGrain>(_pollId).ReportShard(_shard, _tally);
        _reporting = reporting;
        try
        {
            await reporting;
        }
        catch
        {
            _tallyChanged = true;
            throw;
        }
        finally
        {
            if (ReferenceEquals(_reporting, reporting))
            {
                _reporting = null;
            }
        }
    }

    private sealed record PendingBallot(Ballot Ballot)
    {
        // Continuations run inline: the only one is Orleans sending the caller its answer, from this activation's own
        // turn. Run asynchronously, each vote's answer was one more work item on the thread pool.
        public TaskCompletionSource<VoteOutcome> Outcome { get; } = new();
    }
}
