using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HdrHistogram;
using Moderation.Client.Http;

namespace Moderation.Client.Load;

/// <summary>
/// One virtual reader's next request: true once it is answered, false (without a request) when the reader has
/// nothing more to do. Throwing <see cref="ProblemException"/> counts an error under its status code.
/// </summary>
internal delegate Task<bool> ReaderStep(CancellationToken cancellationToken);

/// <summary>
/// Runs virtual readers as concurrent loops, each one request at a time, until the duration is up, the request cap is
/// reached or every reader is done. At the deadline no new request starts but those in flight finish, so every write
/// the service acknowledged is counted. Latency goes into one HdrHistogram per reader, merged at the end.
/// </summary>
internal sealed class LoadRun
{
    private const long HighestMicroseconds = 120_000_000;
    private readonly LoadSettings _settings;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _started;
    private long _completed;
    private long _failed;
    private long _rateLimited;
    private Stopwatch _clock = new();

    public LoadRun(LoadSettings settings) => _settings = settings;

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Requests answered 429: not errors of the service, and not in <see cref="Failed"/> or the latency.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Runs one loop per step; <paramref name="cancellationToken"/> (Ctrl+C) also aborts requests in flight.</summary>
    /// <param name="paces">Per reader, the pauses it asks for between requests (for example a comment author's post interval); not timed.</param>
    public async Task<LoadFigures> RunAsync(string kind, IReadOnlyList<ReaderStep> readers, CancellationToken cancellationToken, IReadOnlyList<ReaderPace>? paces = null)
    {
        var histograms = readers.Select(_ => new LongHistogram(HighestMicroseconds, 3)).ToArray();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _clock = Stopwatch.StartNew();
        deadline.CancelAfter(_settings.Duration);
        var loops = readers.Select((step, index) => Task.Run(() => LoopAsync(step, paces?[index], histograms[index], deadline.Token, cancellationToken), CancellationToken.None));
        await Task.WhenAll(loops);
        _clock.Stop();

        var latency = new LongHistogram(HighestMicroseconds, 3);
        foreach (var histogram in histograms)
        {
            latency.Add(histogram);
        }

        return LoadFigures.From(kind, _settings, Completed, Failed, _clock.Elapsed, latency, _errors) with { RateLimited = RateLimited };
    }

    private async Task LoopAsync(ReaderStep step, ReaderPace? pace, LongHistogram latency, CancellationToken deadline, CancellationToken abort)
    {
        while (!deadline.IsCancellationRequested)
        {
            if (pace is not null && !await pace.WaitAsync(deadline))
            {
                return;
            }

            if (_settings.MaxRequests is { } cap && Interlocked.Increment(ref _started) > cap)
            {
                return;
            }

            var start = Stopwatch.GetTimestamp();
            try
            {
                if (!await step(abort))
                {
                    return;
                }

                Record(latency, start);
            }
            catch (ProblemException limited) when (limited.Status == HttpStatusCode.TooManyRequests)
            {
                // Refused before any work: counted apart, and out of the latency of the requests that were served.
                Interlocked.Increment(ref _rateLimited);
                pace?.WaitFor(limited.RetryAfter ?? TimeSpan.FromSeconds(1));
            }
            catch (ProblemException problem)
            {
                Record(latency, start);
                Fail(((int)problem.Status).ToString());
            }
            catch (HttpRequestException)
            {
                Fail("network");
            }
            catch (TaskCanceledException) when (!abort.IsCancellationRequested)
            {
                Fail("timeout");
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _completed);
        }
    }

    private void Fail(string key)
    {
        Interlocked.Increment(ref _failed);
        _errors.AddOrUpdate(key, 1, (_, count) => count + 1);
    }

    private static void Record(LongHistogram latency, long start)
    {
        var microseconds = (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        latency.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
    }
}
