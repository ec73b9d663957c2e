using System.Collections.Immutable;
using Moderation.Contracts.Polls;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>
/// A shard's votes in Redis: one hash of reader to option, written by one script per batch. The hash is the
/// only truth: counts are always derived from it, so a replayed or duplicated batch counts nothing twice and
/// no separate counter can drift from the votes (one did, after a SIGKILL of the embedded store mid-script).
/// </summary>
public sealed class VoteStore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: whether a reader may change their vote ('1'), then reader and option pairs. Answers an outcome per ballot.</summary>
    internal static readonly RedisScript<VoteShard> Commit = new(
        "commit a batch of votes",
        VoteShardKeys(),
        """
        local allow_change = ARGV[1] == '1'
        local outcomes = {}
        for i = 2, #ARGV, 2 do
          local reader, option = ARGV[i], ARGV[i + 1]
          local previous = redis.call('HGET', votes, reader)
          if not previous then
            redis.call('HSET', votes, reader, option)
            outcomes[#outcomes + 1] = 'counted'
          elseif previous == option then
            outcomes[#outcomes + 1] = 'unchanged'
          elseif allow_change then
            redis.call('HSET', votes, reader, option)
            outcomes[#outcomes + 1] = 'changed:' .. previous
          else
            outcomes[#outcomes + 1] = 'conflict'
          end
        end
        return outcomes
        """);

    // Counts inside Redis so that only a handful of numbers cross the network, not every vote.
    internal static readonly RedisScript<VoteShard> Count = new(
        "count a shard's votes",
        VoteShardKeys(),
        """
        local counts = {}
        for _, option in ipairs(redis.call('HVALS', votes)) do
          counts[option] = (counts[option] or 0) + 1
        end
        local flat = {}
        for option, count in pairs(counts) do
          flat[#flat + 1] = option
          flat[#flat + 1] = tostring(count)
        end
        return flat
        """);

    private IDatabase Database => redis.GetDatabase();

    public async Task<CommittedVote[]> CommitAsync(string pollId, int shard, bool allowChange, IReadOnlyList<Ballot> ballots)
    {
        var arguments = new RedisValue[1 + ballots.Count * 2];
        arguments[0] = allowChange ? "1" : "0";
        for (var i = 0; i < ballots.Count; i++)
        {
            arguments[1 + i * 2] = ballots[i].ReaderId;
            arguments[2 + i * 2] = ballots[i].OptionId;
        }

        var result = await Commit.EvaluateAsync(writes.For(shard), new VoteShard(pollId, shard), arguments);
        var outcomes = (RedisResult[])result!;
        if (outcomes.Length != ballots.Count)
        {
            throw new InvalidOperationException($"The vote script answered {outcomes.Length} outcomes for {ballots.Count} ballots.");
        }

        return [.. outcomes.Select(outcome => ParseOutcome((string)outcome!))];
    }

    public async Task<string?> ReadVoteAsync(string pollId, int shard, string readerId) =>
        await Database.HashGetAsync(PollRedisKeys.Votes(pollId, shard), readerId);

    /// <summary>Votes per option in one shard, counted from the stored votes.</summary>
    public async Task<ImmutableDictionary<string, long>> CountAsync(string pollId, int shard)
    {
        var result = await Count.EvaluateAsync(Database, new VoteShard(pollId, shard));
        var flat = (RedisResult[])result!;
        var counts = ImmutableDictionary.CreateBuilder<string, long>();
        for (var i = 0; i < flat.Length; i += 2)
        {
            counts[(string)flat[i]!] = long.Parse((string)flat[i + 1]!, System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts.ToImmutable();
    }

    private static ScriptKeys<VoteShard> VoteShardKeys() =>
        new ScriptKeys<VoteShard>().Key("votes", shard => PollRedisKeys.Votes(shard.PollId, shard.Shard));

    private static CommittedVote ParseOutcome(string outcome) => outcome switch
    {
        "counted" => new CommittedVote(VoteOutcome.Counted, null),
        "unchanged" => new CommittedVote(VoteOutcome.Unchanged, null),
        "conflict" => new CommittedVote(VoteOutcome.ChangeNotAllowed, null),
        _ when outcome.StartsWith("changed:", StringComparison.Ordinal) => new CommittedVote(VoteOutcome.Changed, outcome["changed:".Length..]),
        _ => throw new InvalidOperationException($"Unknown vote outcome '{outcome}' from the vote script."),
    };
}

/// <summary>One shard of one poll: the key every vote script touches.</summary>
internal sealed record VoteShard(string PollId, int Shard);

/// <summary>What the store made of one ballot; <paramref name="PreviousOptionId"/> is set when a vote moved.</summary>
public readonly record struct CommittedVote(VoteOutcome Outcome, string? PreviousOptionId);
