using Microsoft.Extensions.Caching.Memory;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// This process's memory of poll definitions, whose options and shards never change once created, so that routing a
/// vote to its shard costs no call to the poll's own grain. Status (closed) and the schedule (closesAt and opensAt, which
/// an editor may move) are not read from here: shards decide those, and the poll's grain tells when it opens.
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
