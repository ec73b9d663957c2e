using System.Security.Cryptography;
using System.Text.Json;
using Moderation.Contracts.Readers;
using Moderation.Http;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// The durable records of erasure jobs (<see cref="ReaderRedisKeys.ErasureJobs"/>): recorded before any erasing starts,
/// listed as pending until done, so a silo that starts resumes every job a crash cut short. A reader has at most one
/// unfinished job: asking again finds it.
/// </summary>
public sealed class ErasureJobs(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: reader id, new job id, new job JSON. Answers the reader's unfinished job JSON, or the new one once recorded.</summary>
    internal static readonly RedisScript<ErasureSite> Record = new(
        "record an erasure job",
        ErasureKeys(),
        """
        local existing = redis.call('HGET', by_reader, ARGV[1])
        if existing then
          local json = redis.call('HGET', jobs, existing)
          if json then return json end
        end
        redis.call('HSET', jobs, ARGV[2], ARGV[3])
        redis.call('SADD', pending, ARGV[2])
        redis.call('HSET', by_reader, ARGV[1], ARGV[2])
        return ARGV[3]
        """);

    /// <summary>ARGV: job id, reader id, the finished job JSON (without the reader). Replaces the record and takes it off the pending lists.</summary>
    internal static readonly RedisScript<ErasureSite> Finish = new(
        "finish an erasure job",
        ErasureKeys(),
        """
        redis.call('HSET', jobs, ARGV[1], ARGV[3])
        redis.call('SREM', pending, ARGV[1])
        if redis.call('HGET', by_reader, ARGV[2]) == ARGV[1] then redis.call('HDEL', by_reader, ARGV[2]) end
        return 1
        """);

    /// <summary>Records a new job for the reader (Created), or returns the one not finished yet.</summary>
    public async Task<(ErasureJob Job, bool Created)> RecordAsync(string readerId, string? requestedBy, DateTimeOffset at)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var job = new ErasureJob(id, readerId, "erased-" + id, requestedBy, at, ErasureJob.Running, null, null);
        var stored = Parse((string)(await Record.EvaluateAsync(writes.For(0), ErasureSite.Only, [readerId, id, Json(job)]))!);
        return (stored, stored.Id == id);
    }

    public async Task<ErasureJob?> GetAsync(string jobId) =>
        await redis.GetDatabase().HashGetAsync(ReaderRedisKeys.ErasureJobs, jobId) is { IsNullOrEmpty: false } json ? Parse(json!) : null;

    /// <summary>Marks the job done; the record keeps its pseudonym and counts, not the reader.</summary>
    public async Task<ErasureJob> FinishAsync(ErasureJob job, ErasureCounts erased, DateTimeOffset at)
    {
        var done = job with { ReaderId = null, Status = ErasureJob.Done, CompletedAt = at, Erased = erased };
        await Finish.EvaluateAsync(writes.For(0), ErasureSite.Only, [job.Id, job.ReaderId ?? "", Json(done)]);
        return done;
    }

    /// <summary>The ids of the jobs not finished yet.</summary>
    public async Task<string[]> PendingAsync() =>
        [.. (await redis.GetDatabase().SetMembersAsync(ReaderRedisKeys.PendingErasures)).Select(id => (string)id!)];

    private static ScriptKeys<ErasureSite> ErasureKeys() => new ScriptKeys<ErasureSite>()
        .Key("jobs", _ => ReaderRedisKeys.ErasureJobs)
        .Key("pending", _ => ReaderRedisKeys.PendingErasures)
        .Key("by_reader", _ => ReaderRedisKeys.ErasureByReader);

    private static string Json(ErasureJob job) => JsonSerializer.Serialize(job, HttpJson.Options);

    private static ErasureJob Parse(string json) =>
        JsonSerializer.Deserialize<ErasureJob>(json, HttpJson.Options) ?? throw new InvalidOperationException("An empty erasure job record.");
}

/// <summary>What the erasure job scripts build their keys from: their keys are fixed.</summary>
internal sealed class ErasureSite
{
    public static readonly ErasureSite Only = new();

    private ErasureSite()
    {
    }
}
