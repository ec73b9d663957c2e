namespace Moderation.Silo.Web;

/// <summary>Whether the demo seeding has finished (or has nothing to do), for readiness.</summary>
public sealed class DemoSeeding
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDone => _done.Task.IsCompleted;

    public string? Failure { get; private set; }

    public void Finished() => _done.TrySetResult();

    public void Failed(string failure)
    {
        Failure = failure;
        _done.TrySetResult();
    }
}
