using System.Collections.Immutable;
using Moderation.Contracts.Polls;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>
/// A shard's votes in Redis: one hash of reader to option, written by one script per batch. The hash is the
/// only truth: the tallies are always counted from it, so a replayed or duplicated batch counts nothing twice and
/// no separate counter can drift from the published results (one did, after a SIGKILL of the embedded store
/// mid-script). The editors' signals read <see cref="ShardVoteCounts"/>, which the same scripts keep and which are
/// counted again from the hash when they stop adding up.
/// </summary>
public sealed class VoteStore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>
    /// ARGV: whether a reader may change their vote ('1'), then reader and stored value (<see cref="StoredVote"/>) pairs.
    /// Answers an outcome per ballot.
    /// One HMGET and at most one HSET per batch, whatever its size, and as many of the shard's counts: the embedded store
    /// waits for an append-only file commit after every write command, even inside a script, so a write per ballot made
    /// every vote its own disk write (measured: 1.00 write system call per vote). A reader twice in one batch meets
    /// their own earlier ballot.
    /// </summary>
    internal static readonly RedisScript<VoteShard> Commit = new(
        "commit a batch of votes",
        VoteShardKeys(),
        """
        local allow_change = ARGV[1] == '1'
        local readers = {}
        for i = 2, #ARGV, 2 do
          readers[#readers + 1] = ARGV[i]
        end
        local stored = redis.call('HMGET', votes, unpack(readers))
        local current = {}
        local writes = {}
        local outcomes = {}
        local deltas = {}
        for j, reader in ipairs(readers) do
          local value = ARGV[2 * j + 1]
          local previous = current[reader]
          if previous == nil then
            previous = stored[j]
          end
          if not previous then
            count_vote(deltas, value, 1)
            current[reader] = value
            writes[#writes + 1] = reader
            writes[#writes + 1] = value
            outcomes[j] = 'counted'
          elseif option_of(previous) == option_of(value) then
            outcomes[j] = 'unchanged'
          elseif allow_change then
            count_vote(deltas, previous, -1)
            count_vote(deltas, value, 1)
            current[reader] = value
            writes[#writes + 1] = reader
            writes[#writes + 1] = value
            outcomes[j] = 'changed:' .. option_of(previous)
          else
            outcomes[j] = 'conflict'
          end
        end
        if #writes > 0 then
          redis.call('HSET', votes, unpack(writes))
          apply_counts(deltas)
        end
        return outcomes
        """,
        StoredVote.LuaFunctions,
        ShardVoteCounts.LuaFunctions);

    // Counts inside Redis so that only a handful of numbers cross the network, not every vote. Answers option, votes pairs.
    internal static readonly RedisScript<VoteShard> Count = new(
        "count a shard's votes",
        VotesKey(),
        """
        local tally = {}
        for _, value in ipairs(redis.call('HVALS', votes)) do
          local option = option_of(value)
          tally[option] = (tally[option] or 0) + 1
        end
        local flat = {}
        for option, count in pairs(tally) do
          flat[#flat + 1] = option
          flat[#flat + 1] = tostring(count)
        end
        return flat
        """,
        StoredVote.LuaFunctions);

    /// <summary>Answers the shard's kept counts (<see cref="ShardVoteCounts"/>), counting them from the votes first when needed.</summary>
    internal static readonly RedisScript<VoteShard> ReadCounts = new(
        "read a shard's kept vote counts",
        VoteShardKeys(),
        ShardVoteCounts.ReadLua,
        StoredVote.LuaFunctions,
        ShardVoteCounts.LuaFunctions);

    /// <summary>ARGV: reader id. Takes the reader's vote out of the shard; answers the stored choice it was for (no signed-in mark), or nil.</summary>
    internal static readonly RedisScript<VoteShard> Retract = new(
        "retract a reader's vote",
        VoteShardKeys(),
        """
        local previous = redis.call('HGET', votes, ARGV[1])
        if not previous then return nil end
        redis.call('HDEL', votes, ARGV[1])
        local deltas = {}
        count_vote(deltas, previous, -1)
        apply_counts(deltas)
        return option_of(previous)
        """,
        StoredVote.LuaFunctions,
        ShardVoteCounts.LuaFunctions);

    private IDatabase Database => redis.GetDatabase();

    public async Task<CommittedVote[]> CommitAsync(string pollId, int shard, bool allowChange, IReadOnlyList<Ballot> ballots)
    {
        var arguments = new RedisValue[1 + ballots.Count * 2];
        arguments[0] = allowChange ? "1" : "0";
        for (var i = 0; i < ballots.Count; i++)
        {
            arguments[1 + i * 2] = ballots[i].ReaderId;
            arguments[2 + i * 2] = StoredVote.Encode(ballots[i].OptionId, signedIn: !ballots[i].IsAnonymous);
        }

        var result = await Commit.EvaluateAsync(writes.For(shard), new VoteShard(pollId, shard), arguments);
        var outcomes = (RedisResult[])result!;
        if (outcomes.Length != ballots.Count)
        {
            throw new InvalidOperationException($"The vote script answered {outcomes.Length} outcomes for {ballots.Count} ballots.");
        }

        return [.. outcomes.Select(outcome => ParseOutcome((string)outcome!))];
    }

    /// <summary>Takes a reader's vote out of one shard (an erasure); returns the option it was for, or null when there was none.</summary>
    public async Task<string?> RetractAsync(string pollId, int shard, string readerId) =>
        (string?)await Retract.EvaluateAsync(writes.For(shard), new VoteShard(pollId, shard), [readerId]);

    /// <summary>The option this reader chose, or null.</summary>
    public async Task<string?> ReadVoteAsync(string pollId, int shard, string readerId)
    {
        var value = await Database.HashGetAsync(PollRedisKeys.Votes(pollId, shard), readerId);
        return value.IsNull ? null : StoredVote.OptionOf(value!);
    }

    /// <summary>Votes per option in one shard, counted from the stored votes.</summary>
    public async Task<ImmutableDictionary<string, long>> CountAsync(string pollId, int shard)
    {
        var flat = (RedisResult[])(await Count.EvaluateAsync(Database, new VoteShard(pollId, shard)))!;
        var tally = ImmutableDictionary.CreateBuilder<string, long>();
        for (var i = 0; i < flat.Length; i += 2)
        {
            tally[(string)flat[i]!] = long.Parse((string)flat[i + 1]!, System.Globalization.CultureInfo.InvariantCulture);
        }

        return tally.ToImmutable();
    }

    /// <summary>Votes per option in one shard, all and signed-in readers' only, from the counts the vote scripts keep.</summary>
    public async Task<ShardCounts> CountSplitAsync(string pollId, int shard) =>
        ShardVoteCounts.Parse((RedisResult[])(await ReadCounts.EvaluateAsync(writes.For(shard), new VoteShard(pollId, shard)))!);

    private static ScriptKeys<VoteShard> VotesKey() =>
        new ScriptKeys<VoteShard>().Key("votes", shard => PollRedisKeys.Votes(shard.PollId, shard.Shard));

    private static ScriptKeys<VoteShard> VoteShardKeys() =>
        VotesKey().Key("counts", shard => PollRedisKeys.VoteCounts(shard.PollId, shard.Shard));

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

/// <summary>One shard's votes per option: every reader's, and signed-in readers' alone.</summary>
public sealed record ShardCounts(ImmutableDictionary<string, long> All, ImmutableDictionary<string, long> SignedIn);

/// <summary>What the store made of one ballot; <paramref name="PreviousOptionId"/> is set when a vote moved.</summary>
public readonly record struct CommittedVote(VoteOutcome Outcome, string? PreviousOptionId);
