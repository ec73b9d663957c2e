using System.Diagnostics;

namespace Moderation.Testing;

/// <summary>Timings of repeated calls and their percentiles, for benchmark reports.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed);
        }

        return result;
    }

    public double Percentile(double percent)
    {
        lock (_milliseconds)
        {
            var sorted = _milliseconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public string Summary() => $"n={Count} p50={Percentile(50):F2} ms p90={Percentile(90):F2} ms p99={Percentile(99):F2} ms max={Percentile(100):F2} ms";
}
