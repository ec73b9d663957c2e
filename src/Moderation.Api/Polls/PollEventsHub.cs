using System.Text.Json;
using Moderation.Api.Events;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Api.Polls;

/// <summary>
/// One Redis subscription per poll per process, fanned out to every local listener of that poll. Each listener
/// holds only the newest results: a slow one skips versions instead of holding memory or the others back.
/// </summary>
public sealed class PollEventsHub(IConnectionMultiplexer redis)
{
    private readonly RedisFanOut<ResultsUpdate> _fanOut = new(
        redis, pollId => RedisChannel.Literal(PollRedisKeys.ResultsChannel(pollId)), Parse, bufferPerListener: 1);

    public Task<FanOutListener<ResultsUpdate>> ListenAsync(string pollId) => _fanOut.ListenAsync(pollId);

    public int ListenerCount(string pollId) => _fanOut.ListenerCount(pollId);

    private static ResultsUpdate Parse(RedisValue message)
    {
        var json = (string)message!;
        var version = JsonSerializer.Deserialize<PollResults>(json, PollResultsJson.Options)?.Version ?? 0;
        return new ResultsUpdate(version, json);
    }
}

public readonly record struct ResultsUpdate(long Version, string Json);
