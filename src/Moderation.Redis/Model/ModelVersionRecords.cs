using System.Globalization;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Model;

/// <summary>
/// Model versions in Redis: each version's files (path to bytes), the list of versions by training time, the current
/// pointer, and a pub/sub channel that announces a promotion to every silo.
/// </summary>
public sealed class ModelVersionRecords(IConnectionMultiplexer redis)
{
    /// <summary>ARGV: the version, its training time (Unix ms), then path and bytes of each file. Answers 0 for a version that exists.</summary>
    internal static readonly RedisScript<string> Save = new(
        "save a model version",
        new ScriptKeys<string>()
            .Key("versions", _ => ModelRedisKeys.Versions)
            .Key("files", version => ModelRedisKeys.VersionFiles(version)),
        """
        local version, trained_at = ARGV[1], ARGV[2]
        if redis.call('EXISTS', files) == 1 or redis.call('ZSCORE', versions, version) then return 0 end
        for i = 3, #ARGV, 2 do
          redis.call('HSET', files, ARGV[i], ARGV[i + 1])
        end
        redis.call('ZADD', versions, trained_at, version)
        return 1
        """);

    /// <summary>ARGV: the version. Points "current" at it; answers 0 when the version is not saved.</summary>
    internal static readonly RedisScript<ModelFamily> Promote = new(
        "promote a model version",
        new ScriptKeys<ModelFamily>()
            .Key("versions", _ => ModelRedisKeys.Versions)
            .Key("current", _ => ModelRedisKeys.Current),
        """
        if not redis.call('ZSCORE', versions, ARGV[1]) then return 0 end
        redis.call('SET', current, ARGV[1])
        return 1
        """);

    private readonly RedisChannel _channel = RedisChannel.Literal(ModelRedisKeys.CurrentChangedChannel);

    private IDatabase Database => redis.GetDatabase();

    /// <returns>False when the version exists already.</returns>
    public bool SaveVersion(string version, DateTimeOffset trainedAt, IEnumerable<(string Path, byte[] Bytes)> files)
    {
        RedisValue[] arguments =
        [
            version,
            trainedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            .. files.SelectMany(file => new RedisValue[] { file.Path, file.Bytes }),
        ];
        return (int)Save.EvaluateAsync(Database, version, arguments).GetAwaiter().GetResult() == 1;
    }

    /// <summary>Points "current" at a saved version and tells every silo; false when the version is not saved.</summary>
    public bool PromoteVersion(string version)
    {
        if ((int)Promote.EvaluateAsync(Database, ModelFamily.Site, [version]).GetAwaiter().GetResult() == 0)
        {
            return false;
        }

        redis.GetSubscriber().Publish(_channel, version);
        return true;
    }

    public string? Current() => Database.StringGet(ModelRedisKeys.Current) is { IsNullOrEmpty: false } value ? (string)value! : null;

    /// <summary>The saved versions, oldest trained first.</summary>
    public IReadOnlyList<string> Versions() => [.. Database.SortedSetRangeByRank(ModelRedisKeys.Versions).Select(value => (string)value!)];

    /// <summary>One file of a version, or null when it is not stored.</summary>
    public byte[]? File(string version, string path) =>
        Database.HashGet(ModelRedisKeys.VersionFiles(version), path) is { IsNullOrEmpty: false } value ? (byte[])value! : null;

    /// <summary>Every file of a version (none when the version is not saved).</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Files(string version) =>
        [.. Database.HashGetAll(ModelRedisKeys.VersionFiles(version)).Select(file => ((string)file.Name!, (byte[])file.Value!))];

    /// <summary>Calls <paramref name="promoted"/> with each version promoted anywhere in the cluster.</summary>
    public void Subscribe(Action<string> promoted) => redis.GetSubscriber().Subscribe(_channel, (_, version) => promoted((string)version!));
}
