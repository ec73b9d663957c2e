using System.Text.Json;
using Microsoft.Extensions.Options;
using Moderation.Api.Events;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Api.Polls;

/// <summary>
/// One Redis subscription per poll per process, fanned out to every local listener of that poll. A publication is
/// parsed and encoded as an event once, for all of them. Each listener holds only the newest results: a slow one
/// skips versions instead of holding memory or the others back.
/// </summary>
public sealed class PollEventsHub(IConnectionMultiplexer redis, IOptions<PollsOptions> options) : IDisposable
{
    private readonly RedisFanOut<ResultsUpdate> _fanOut = new(
        redis, pollId => RedisChannel.Literal(PollRedisKeys.ResultsChannel(pollId)), message => ResultsUpdate.Of((string)message!),
        bufferPerListener: 1, keepAlive: (ResultsUpdate.KeepAlive, options.Value.KeepAliveInterval));

    public Task<FanOutListener<ResultsUpdate>> ListenAsync(string pollId) => _fanOut.ListenAsync(pollId);

    public int ListenerCount(string pollId) => _fanOut.ListenerCount(pollId);

    public void Dispose() => _fanOut.Dispose();
}

/// <summary>A results event ready to write, with the version and status it carries; or the keep-alive comment.</summary>
public sealed record ResultsUpdate(long Version, SseFrame Frame, string? Status = null)
{
    public const string EventName = "results";

    public static ResultsUpdate KeepAlive { get; } = new(0, SseFrame.KeepAlive);

    public bool IsKeepAlive => ReferenceEquals(Frame, SseFrame.KeepAlive);

    public static ResultsUpdate Of(string json)
    {
        var results = JsonSerializer.Deserialize<PollResults>(json, PollResultsJson.Options);
        return new(results?.Version ?? 0, SseFrame.Event(EventName, json), results?.Status);
    }
}
