using System.Diagnostics;
using System.Net.Sockets;
using Moderation.Client.Http;

namespace Moderation.Client.Load;

/// <summary>
/// Live fan-out: N listeners hold a poll's event stream open; votes are cast one at a time, spaced apart, and
/// each listener's delay from a vote's send to the results event that shows it is recorded.
/// </summary>
/// <remarks>
/// The pause after each vote is the spacing plus a random part of up to <see cref="PhaseJitter"/>: the service
/// reports and publishes on fixed timers, and a pause that is a multiple of their periods would meet them at the
/// same phase every time, measuring one point of their cycle instead of all of it.
/// </remarks>
internal sealed class FanOutScenario(ClientHost host, LoadSettings settings, string pollId, ServiceProcess? silo)
{
    public static readonly TimeSpan PhaseJitter = TimeSpan.FromMilliseconds(350);

    /// <summary>Connections opened at once: the service's accept backlog (512 in Kestrel) must not overflow.</summary>
    private const int ConnectingAtOnce = 256;

    private static readonly TimeSpan SettleAfterConnecting = TimeSpan.FromSeconds(5);

    public async Task<FanOutFigures> RunAsync(string[] voterTokens, string optionId, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var clients = settings.Urls.Select(url => host.CreateHttpClient(url, settings.RequestTimeout)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = new List<Task>(settings.Readers);
        try
        {
            var initialTotal = (await new ModerationApi(clients[0]).GetResultsAsync(pollId, cancellationToken)).TotalVotes;
            var requests = settings.Urls.Select(url => RawResultsListener.RequestFor(url, pollId)).ToArray();
            var endpoints = settings.Urls.Select(RawResultsListener.EndPointOf).ToArray();
            var listeners = Enumerable.Range(0, settings.Readers)
                .Select(i => new RawResultsListener(endpoints[i % endpoints.Length], requests[i % requests.Length], initialTotal + 1, voterTokens.Length))
                .ToArray();

            var idle = silo?.Sample();
            double? siloIdle = silo is null ? null : await IdleCpuPerSecondAsync(silo, cancellationToken);
            var connectClock = Stopwatch.StartNew();
            var sockets = new Socket[listeners.Length];
            await Parallel.ForAsync(0, listeners.Length, new ParallelOptions { MaxDegreeOfParallelism = ConnectingAtOnce, CancellationToken = cancellationToken },
                async (i, ct) => sockets[i] = await listeners[i].ConnectAsync(ct));
            receiving.AddRange(listeners.Select((listener, i) => Receive(listener, sockets[i], stop.Token)));
            await WaitUntilAsync(() => listeners.All(listener => listener.Connected), receiving, TimeSpan.FromSeconds(120), cancellationToken);
            var connectSeconds = connectClock.Elapsed.TotalSeconds;
            // Ten thousand new connections leave the service busy for a few seconds (collections, the JIT's later tiers).
            await Task.Delay(SettleAfterConnecting, cancellationToken);
            var siloCpuBefore = silo?.CpuSeconds();
            var client = Process.GetCurrentProcess();
            var clientCpuBefore = client.TotalProcessorTime;
            var phase = Stopwatch.StartNew();
            var sent = new long[voterTokens.Length];
            for (var i = 0; i < voterTokens.Length; i++)
            {
                var voter = new ModerationApi(clients[i % clients.Count], voterTokens[i]);
                sent[i] = Stopwatch.GetTimestamp();
                await voter.VoteAsync(pollId, optionId, cancellationToken);
                await Task.Delay(spacing + PhaseJitter * Random.Shared.NextDouble(), cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var phaseSeconds = phase.Elapsed.TotalSeconds;
            client.Refresh();
            var clientCpu = (client.TotalProcessorTime - clientCpuBefore).TotalSeconds;
            var siloCpu = silo?.CpuSeconds() - siloCpuBefore;
            // The heap sample stops the service for its collection and walk (seconds on a busy machine): only once the
            // votes are measured, with the listeners still connected.
            var connected = silo?.Sample();
            await stop.CancelAsync();
            await Task.WhenAll(receiving);
            var memory = idle is not null && connected is not null ? ListenerMemory.Between(idle, connected, settings.Readers) : null;
            return Figures(listeners, sent) with
            {
                ConnectSeconds = connectSeconds,
                VotePhaseSeconds = phaseSeconds,
                ClientCpuSeconds = clientCpu,
                SiloCpuSeconds = siloCpu,
                SiloIdleCpuSeconds = siloIdle * phaseSeconds,
                Memory = memory,
            };
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(receiving).ContinueWith(_ => { }, TaskScheduler.Default);
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>What the service spends with nothing happening (its timers, the store), before the listeners connect.</summary>
    private static async Task<double> IdleCpuPerSecondAsync(ServiceProcess silo, CancellationToken cancellationToken)
    {
        var before = silo.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return (silo.CpuSeconds() - before) / clock.Elapsed.TotalSeconds;
    }

    private static async Task Receive(RawResultsListener listener, Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await listener.ReceiveAsync(socket, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private FanOutFigures Figures(RawResultsListener[] listeners, long[] sent)
    {
        var delays = new List<double>(listeners.Length * sent.Length);
        var missing = 0;
        foreach (var listener in listeners)
        {
            var arrivals = listener.Arrivals;
            for (var vote = 0; vote < sent.Length; vote++)
            {
                if (arrivals[vote] != 0)
                {
                    delays.Add(Stopwatch.GetElapsedTime(sent[vote], arrivals[vote]).TotalMilliseconds);
                }
                else
                {
                    missing++;
                }
            }
        }

        delays.Sort();
        return new FanOutFigures(settings.Readers, sent.Length, delays.Count, missing,
            Percentile(delays, 50), Percentile(delays, 90), Percentile(delays, 99), delays.Count > 0 ? delays[^1] : 0);
    }

    private static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];

    private static async Task WaitUntilAsync(Func<bool> condition, List<Task> receiving, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (receiving.FirstOrDefault(task => task.IsFaulted) is { } failed)
            {
                await failed;
            }

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
    int Listeners, int Votes, int Deliveries, int Missing, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>Seconds from the first connection attempt until every listener had its first event.</summary>
    public double ConnectSeconds { get; init; }

    /// <summary>Seconds from the first vote until 2 s after the last pause.</summary>
    public double VotePhaseSeconds { get; init; }

    /// <summary>The load generator's own CPU time during the vote phase.</summary>
    public double ClientCpuSeconds { get; init; }

    /// <summary>The service's CPU time during the vote phase, when its process was given (same machine).</summary>
    public double? SiloCpuSeconds { get; init; }

    /// <summary>Of <see cref="SiloCpuSeconds"/>, what the service spent at its idle rate (measured over 2 s before the listeners connected).</summary>
    public double? SiloIdleCpuSeconds { get; init; }

    /// <summary>The service's CPU per delivery beyond its idle rate, in microseconds.</summary>
    public double? SiloCpuPerDeliveryUs => SiloCpuSeconds - SiloIdleCpuSeconds is { } busy ? busy * 1e6 / Math.Max(1, Deliveries) : null;

    /// <summary>The service's memory before and after the listeners connected, when its process was given.</summary>
    public ListenerMemory? Memory { get; init; }
}
