using Moderation.Redis.Comments;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// Finds what a reader left in keys that are not indexed by reader: their votes (poll shards map reader to option), their
/// reactions and reports (sets and hashes beside each comment) and their rate-limit counters. It walks the whole key
/// space once (SCAN on every primary) and asks each candidate key about the reader in pipelined batches: O(keys), for the
/// rare export or erasure, so that no hot path pays for an index by reader.
/// </summary>
public sealed class ReaderFootprint(IConnectionMultiplexer redis)
{
    private const int Batch = 1000;

    public async Task<Footprint> FindAsync(string readerId, CancellationToken cancellationToken = default)
    {
        var candidates = new List<Candidate>();
        var found = new Footprint([], [], [], []);
        foreach (var server in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: "moderation:*", pageSize: Batch).WithCancellation(cancellationToken))
            {
                if (Classify(key!, readerId) is { } candidate)
                {
                    candidates.Add(candidate);
                    if (candidates.Count == Batch)
                    {
                        await CheckAsync(candidates, readerId, found);
                        candidates.Clear();
                    }
                }
            }
        }

        await CheckAsync(candidates, readerId, found);
        return found;
    }

    private async Task CheckAsync(List<Candidate> candidates, string readerId, Footprint found)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var batch = redis.GetDatabase().CreateBatch();
        var lookups = candidates.Select(candidate => candidate.Kind switch
        {
            Kind.Votes or Kind.Reports => batch.HashGetAsync(candidate.Key, readerId),
            Kind.Reactors => batch.SetContainsAsync(candidate.Key, readerId).ContinueWith(
                task => task.Result ? (RedisValue)"1" : RedisValue.Null, TaskScheduler.Default),
            _ => batch.StringGetAsync(candidate.Key),
        }).ToArray();
        batch.Execute();
        var values = await Task.WhenAll(lookups);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (values[i].IsNull)
            {
                continue;
            }

            var candidate = candidates[i];
            var value = (string)values[i]!;
            switch (candidate.Kind)
            {
                case Kind.Votes:
                    found.Votes.Add(new FoundVote(candidate.Id, candidate.Shard, StoredVote.OptionOf(value)));
                    break;
                case Kind.Reactors:
                    found.Reactions.Add(candidate.Id);
                    break;
                case Kind.Reports:
                    found.Reports.Add(new FoundReport(candidate.Id, value));
                    break;
                default:
                    found.RateLimits.Add(new FoundCounter(candidate.Key, value));
                    break;
            }
        }
    }

    /// <summary>What a key name says: a poll shard, a comment's reactors or reports, the reader's own counter, or nothing to ask.</summary>
    private static Candidate? Classify(string key, string readerId)
    {
        const string pollPrefix = "moderation:poll:{";
        const string votesInfix = "}:votes:";
        if (key.StartsWith(pollPrefix, StringComparison.Ordinal))
        {
            var infix = key.LastIndexOf(votesInfix, StringComparison.Ordinal);
            return infix > pollPrefix.Length && int.TryParse(key.AsSpan(infix + votesInfix.Length), out var shard)
                && key == PollRedisKeys.Votes(key[pollPrefix.Length..infix], shard)
                ? new Candidate(Kind.Votes, key, key[pollPrefix.Length..infix], shard)
                : null;
        }

        if (key.StartsWith("moderation:ratelimit:", StringComparison.Ordinal))
        {
            return key.EndsWith(":reader:" + readerId, StringComparison.Ordinal) ? new Candidate(Kind.RateLimit, key, "", 0) : null;
        }

        foreach (var (suffix, kind) in CommentSuffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && CommentIdOf(key, suffix) is { } commentId)
            {
                return new Candidate(kind, key, commentId, 0);
            }
        }

        return null;
    }

    private static readonly (string Suffix, Kind Kind)[] CommentSuffixes = [("}:reactors", Kind.Reactors), ("}:reports", Kind.Reports)];

    private static string? CommentIdOf(string key, string suffix)
    {
        const string infix = ":comment:{";
        var start = key.IndexOf(infix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var id = key[(start + infix.Length)..^suffix.Length];
        // Only keys of the current layout: the same name rebuilt from the id.
        return key == (suffix == "}:reactors" ? CommentRedisKeys.Reactors(id) : CommentRedisKeys.Reports(id)) ? id : null;
    }

    private enum Kind
    {
        Votes,
        Reactors,
        Reports,
        RateLimit,
    }

    private sealed record Candidate(Kind Kind, string Key, string Id, int Shard);
}

/// <summary>What a reader left outside the indexes kept by reader.</summary>
public sealed record Footprint(List<FoundVote> Votes, List<string> Reactions, List<FoundReport> Reports, List<FoundCounter> RateLimits);

/// <summary>A reader's vote: the poll, the shard that holds it, the option.</summary>
public sealed record FoundVote(string PollId, int Shard, string OptionId);

/// <summary>A reader's report of a comment, as stored (JSON).</summary>
public sealed record FoundReport(string CommentId, string Json);

/// <summary>One of the reader's rate-limit counters and its value.</summary>
public sealed record FoundCounter(string Key, string Value);
