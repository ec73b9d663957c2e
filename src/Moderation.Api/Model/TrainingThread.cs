using System.Runtime.InteropServices;

namespace Moderation.Api.Model;

/// <summary>
/// Runs training on a thread of its own at the lowest priority the operating system gives without privileges
/// (on Linux a per-thread nice of 19), so that a retrain takes what the request threads leave and never a
/// thread-pool or grain-scheduler thread.
/// </summary>
internal static class TrainingThread
{
    private const int LowestNice = 19;

    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerPriority();
            try
            {
                done.SetResult(work());
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        })
        {
            Name = "model-retrain",
            IsBackground = true,
            Priority = ThreadPriority.Lowest,
        };
        thread.Start();
        return done.Task;
    }

    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // PRIO_PROCESS with a thread id sets that thread's nice value on Linux; raising it needs no privilege.
            _ = SetPriority(0, GetThreadId(), LowestNice);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the training still runs, at the thread priority set above.
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
