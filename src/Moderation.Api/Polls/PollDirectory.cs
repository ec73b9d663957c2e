using Microsoft.Extensions.Caching.Memory;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// This process's memory of poll definitions, which never change once created, so that routing a vote to its
/// shard costs no call to the poll's own grain. Status (closed) is not cached here: shards decide that.
/// </summary>
public sealed class PollDirectory(IGrainFactory grains)
{
    private readonly MemoryCache _definitions = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async ValueTask<PollDefinition?> FindAsync(string pollId)
    {
        if (_definitions.TryGetValue(pollId, out PollDefinition? known))
        {
            return known;
        }

        var poll = await grains.GetGrain<IPollGrain>(pollId).Get();
        if (poll is not null)
        {
            _definitions.Set(pollId, poll.Definition, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return poll?.Definition;
    }
}
