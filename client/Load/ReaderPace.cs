using System.Diagnostics;

namespace Moderation.Client.Load;

/// <summary>
/// When a virtual reader may send its next request: a comment author waits out the service's post interval, or the
/// <c>Retry-After</c> of a 429. The wait happens before the request's clock starts, so it is not counted as latency.
/// </summary>
internal sealed class ReaderPace
{
    private long _notBefore;

    public void WaitFor(TimeSpan wait)
    {
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        _notBefore = Math.Max(_notBefore, until);
    }

    /// <returns>False when the run's deadline came first.</returns>
    public async Task<bool> WaitAsync(CancellationToken deadline)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _notBefore);
        if (left <= TimeSpan.Zero)
        {
            return !deadline.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(left, deadline);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }
}
