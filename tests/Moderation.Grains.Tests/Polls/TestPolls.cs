using Moderation.Contracts.Polls;

namespace Moderation.Grains.Tests.Polls;

internal static class TestPolls
{
    public static async Task<PollDefinition> CreateAsync(
        IGrainFactory grains, bool allowChange = false, bool allowAnonymous = false, DateTimeOffset? closesAt = null, int shards = 8,
        DateTimeOffset? opensAt = null)
    {
        var id = "p" + Guid.NewGuid().ToString("N")[..16];
        var definition = new PollDefinition(
            id, "article-" + id, "Should the US accept the offer?",
            [new PollOption("o1", "Yes"), new PollOption("o2", "No"), new PollOption("o3", "Not sure")],
            closesAt, allowAnonymous, allowChange, DateTimeOffset.UtcNow, shards, OpensAt: opensAt);
        await grains.GetGrain<IPollGrain>(id).Create(definition);
        return definition;
    }

    /// <summary>A multiple-choice poll of four options, at most three per reader.</summary>
    public static async Task<PollDefinition> CreateMultipleAsync(IGrainFactory grains, bool allowChange = false)
    {
        var id = "p" + Guid.NewGuid().ToString("N")[..16];
        var definition = new PollDefinition(
            id, "article-" + id, "Which of these did you read today?",
            [new PollOption("o1", "Politics"), new PollOption("o2", "Sport"), new PollOption("o3", "Culture"), new PollOption("o4", "Science")],
            null, false, allowChange, DateTimeOffset.UtcNow, 8, PollKind.Multiple, MaxChoices: 3);
        await grains.GetGrain<IPollGrain>(id).Create(definition);
        return definition;
    }

    /// <summary>An opinion scale from 1 to 5.</summary>
    public static async Task<PollDefinition> CreateScaleAsync(IGrainFactory grains, bool allowChange = false)
    {
        var id = "p" + Guid.NewGuid().ToString("N")[..16];
        var definition = new PollDefinition(
            id, "article-" + id, "How far do you agree?", [], null, false, allowChange, DateTimeOffset.UtcNow, 8, PollKind.Scale,
            Scale: new PollScale(1, 5, "Strongly disagree", "Strongly agree"));
        await grains.GetGrain<IPollGrain>(id).Create(definition);
        return definition;
    }

    public static Task<VoteOutcome> VoteAsync(this IGrainFactory grains, PollDefinition poll, string reader, string option, bool anonymous = false) =>
        grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(poll.Id, VoteSharding.ShardOf(reader, poll.ShardCount)))
            .Vote(new Ballot(reader, option, anonymous));

    /// <summary>Polls the published results until they match or the deadline passes; returns the last seen.</summary>
    public static async Task<PollResults> ResultsWithinAsync(IGrainFactory grains, string pollId, Func<PollResults, bool> expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var tally = grains.GetGrain<IPollTallyGrain>(pollId);
        while (true)
        {
            var results = await tally.GetResults();
            if (expected(results) || DateTime.UtcNow > deadline)
            {
                return results;
            }

            await Task.Delay(25);
        }
    }
}
