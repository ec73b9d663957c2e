using System.Collections.Immutable;

namespace Moderation.Redis.Tests.Batching;

/// <summary>
/// A lane's send function whose calls wait until the test answers them (each item answered as "sent N"). The answers
/// run the lane's continuation inline, so that by the time Answer or Fail returns, the lane has taken its next batch.
/// </summary>
internal sealed class HeldSender
{
    private readonly List<TaskCompletionSource<string[]>> _answers = [];

    public List<ImmutableArray<int>> Calls { get; } = [];

    public Task<string[]> Send(ImmutableArray<int> batch)
    {
        var answer = new TaskCompletionSource<string[]>();
        Calls.Add(batch);
        _answers.Add(answer);
        return answer.Task;
    }

    public void Answer(int call) => _answers[call].SetResult([.. Calls[call].Select(item => $"sent {item}")]);

    public void Fail(int call, Exception exception) => _answers[call].SetException(exception);
}
