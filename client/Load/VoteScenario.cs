using Moderation.Client.Http;

namespace Moderation.Client.Load;

/// <summary>
/// <c>load votes</c>: distinct voters each vote once for a random option, then repeat that same vote
/// <c>repeat</c> times (each repeat must be <c>unchanged</c>). A reader loop that is done with its voter takes the next
/// unused one, until there are none left. Remembers which votes the service acknowledged, to check the results after.
/// </summary>
internal sealed class VoteScenario
{
    private readonly PollResponse _poll;
    private readonly string[] _voterTokens;
    private readonly int _repeat;
    private readonly string?[] _acknowledged;
    private readonly bool[] _uncertain;
    private int _nextVoter = -1;
    private long _unexpected;

    public VoteScenario(PollResponse poll, string[] voterTokens, int repeat)
    {
        _poll = poll;
        _voterTokens = voterTokens;
        _repeat = repeat;
        _acknowledged = new string?[voterTokens.Length];
        _uncertain = new bool[voterTokens.Length];
    }

    /// <summary>The loop of one virtual reader: false once every voter has voted as often as asked.</summary>
    public ReaderStep Reader(ModerationApi service)
    {
        var voter = -1;
        var option = "";
        var sent = 0;
        ModerationApi? api = null;
        return async cancellationToken =>
        {
            if (voter < 0 || sent > _repeat)
            {
                voter = Interlocked.Increment(ref _nextVoter);
                if (voter >= _voterTokens.Length)
                {
                    return false;
                }

                api = service.WithToken(_voterTokens[voter]);
                option = _poll.Options[Random.Shared.Next(_poll.Options.Count)].Id;
                sent = 0;
            }

            sent++;
            VoteResponse vote;
            try
            {
                vote = await api!.VoteAsync(_poll.Id, option, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && _acknowledged[voter] is null)
            {
                // No answer: the service may or may not have counted it. A later repeat's 'unchanged' settles it.
                _uncertain[voter] = true;
                throw;
            }

            var known = _acknowledged[voter] is not null || _uncertain[voter];
            var expected = vote.Outcome switch
            {
                VoteOutcomes.Counted or VoteOutcomes.Changed => _acknowledged[voter] is null,
                VoteOutcomes.Unchanged => known,
                _ => false,
            };
            if (!expected)
            {
                Interlocked.Increment(ref _unexpected);
            }

            if (vote.Outcome is VoteOutcomes.Counted or VoteOutcomes.Changed or VoteOutcomes.Unchanged)
            {
                _acknowledged[voter] = vote.OptionId;
                _uncertain[voter] = false;
            }

            return true;
        };
    }

    /// <summary>Waits up to <paramref name="patience"/> for the results to equal <paramref name="before"/> plus the acknowledged votes.</summary>
    public async Task<VoteCheck> CheckAsync(ModerationApi service, PollResultsResponse before, TimeSpan patience, CancellationToken cancellationToken)
    {
        var expected = _poll.Options.ToDictionary(option => option.Id, option => before.Options.FirstOrDefault(o => o.Id == option.Id)?.Votes ?? 0);
        foreach (var option in _acknowledged.OfType<string>())
        {
            expected[option] = expected.GetValueOrDefault(option) + 1;
        }

        var deadline = DateTime.UtcNow + patience;
        Dictionary<string, long> actual;
        while (true)
        {
            var results = await service.GetResultsAsync(_poll.Id, cancellationToken);
            actual = results.Options.ToDictionary(option => option.Id, option => option.Votes);
            if (Same(expected, actual) || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        return new VoteCheck(
            _poll.Id,
            _poll.Options.ToDictionary(option => option.Id, option => option.Text),
            Same(expected, actual),
            expected,
            actual,
            _acknowledged.Count(option => option is not null),
            _uncertain.Count(flag => flag),
            Interlocked.Read(ref _unexpected));
    }

    private static bool Same(Dictionary<string, long> expected, Dictionary<string, long> actual) =>
        expected.Keys.Union(actual.Keys).All(key => expected.GetValueOrDefault(key) == actual.GetValueOrDefault(key));
}
