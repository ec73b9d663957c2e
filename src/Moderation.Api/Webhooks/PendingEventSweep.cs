using Moderation.Contracts.Polls;
using Moderation.Contracts.Readers;
using Moderation.Redis.Webhooks;

namespace Moderation.Api.Webhooks;

/// <summary>
/// Hands the grain events left pending (a crash fell between a ban's or a close's state write and its outbox write)
/// back to their grains, once they are older than any ban or close still under way could be.
/// </summary>
public sealed class PendingEventSweep(PendingGrainEvents pending, IGrainFactory grains)
{
    private const int Batch = 100;

    public async Task SweepAsync(DateTimeOffset markedBefore)
    {
        foreach (var entry in await pending.MarkedBeforeAsync(markedBefore, Batch))
        {
            switch (entry.Kind)
            {
                case PendingGrainEvent.Reader:
                    await grains.GetGrain<IReaderGrain>(entry.GrainKey).RecordPendingEvent(entry.EventId);
                    break;
                case PendingGrainEvent.Poll:
                    await grains.GetGrain<IPollGrain>(entry.GrainKey).RecordPendingEvent(entry.EventId);
                    break;
                default:
                    await pending.ClearAsync(entry);
                    break;
            }
        }
    }
}
