using System.Collections.Concurrent;
using System.Diagnostics;
using Moderation.Client.Http;

namespace Moderation.Client.Load;

/// <summary>
/// Live fan-out: N listeners hold a poll's event stream open; votes are cast one at a time, spaced apart, and
/// each listener's delay from a vote's send to the results event that shows it is recorded.
/// </summary>
internal sealed class FanOutScenario(ClientHost host, LoadSettings settings, string pollId)
{
    private readonly ConcurrentDictionary<(int Listener, long Total), long> _arrivals = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _connected;

    public async Task<FanOutFigures> RunAsync(string[] voterTokens, string optionId, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var clients = settings.Urls.Select(url => host.CreateHttpClient(url, Timeout.InfiniteTimeSpan)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var initialTotal = (await new ModerationApi(clients[0]).GetResultsAsync(pollId, cancellationToken)).TotalVotes;
            var listeners = Enumerable.Range(0, settings.Readers)
                .Select(index => Task.Run(() => ListenAsync(index, new ModerationApi(clients[index % clients.Count]), stop.Token), CancellationToken.None))
                .ToList();
            await WaitUntilAsync(() => Volatile.Read(ref _connected) >= settings.Readers, TimeSpan.FromSeconds(60), cancellationToken);

            var sent = new Dictionary<long, long>();
            for (var i = 0; i < voterTokens.Length; i++)
            {
                var voter = new ModerationApi(clients[i % clients.Count], voterTokens[i]);
                sent[initialTotal + i + 1] = _clock.ElapsedTicks;
                await voter.VoteAsync(pollId, optionId, cancellationToken);
                await Task.Delay(spacing, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await stop.CancelAsync();
            await Task.WhenAll(listeners);
            return Figures(sent);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private async Task ListenAsync(int index, ModerationApi api, CancellationToken cancellationToken)
    {
        var first = true;
        try
        {
            await foreach (var results in api.WatchResultsAsync(pollId, cancellationToken))
            {
                _arrivals.TryAdd((index, results.TotalVotes), _clock.ElapsedTicks);
                if (first)
                {
                    first = false;
                    Interlocked.Increment(ref _connected);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private FanOutFigures Figures(Dictionary<long, long> sent)
    {
        var delays = new List<double>();
        var missing = 0;
        foreach (var (total, sentAt) in sent)
        {
            for (var listener = 0; listener < settings.Readers; listener++)
            {
                if (_arrivals.TryGetValue((listener, total), out var arrivedAt))
                {
                    delays.Add((arrivedAt - sentAt) * 1000.0 / Stopwatch.Frequency);
                }
                else
                {
                    missing++;
                }
            }
        }

        delays.Sort();
        return new FanOutFigures(settings.Readers, sent.Count, delays.Count, missing,
            Percentile(delays, 50), Percentile(delays, 90), Percentile(delays, 99), delays.Count > 0 ? delays[^1] : 0);
    }

    private static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not every listener received the first results event in time.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}

/// <summary>What a fan-out run measured: delays from a vote's send to each listener's event showing it.</summary>
public sealed record FanOutFigures(
    int Listeners, int Votes, int Deliveries, int Missing, double P50Ms, double P90Ms, double P99Ms, double MaxMs);
