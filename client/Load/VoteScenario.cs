using Moderation.Client.Http;
using Moderation.Http.Polls;

namespace Moderation.Client.Load;

/// <summary>
/// <c>load votes</c>: distinct voters each vote once for a random option, then repeat that same vote
/// <c>repeat</c> times (each repeat must be <c>unchanged</c>). A reader loop that is done with its voter takes the next
/// unused one, until there are none left. Remembers which votes the service acknowledged, to check the results after.
/// With several polls, voter i votes in poll i mod n, and each poll's results are checked.
/// </summary>
internal sealed class VoteScenario
{
    private readonly IReadOnlyList<PollResponse> _polls;
    private readonly string[] _voterTokens;
    private readonly int _repeat;
    private readonly string?[] _acknowledged;
    private readonly bool[] _uncertain;
    private int _nextVoter = -1;
    private long _unexpected;

    public VoteScenario(IReadOnlyList<PollResponse> polls, string[] voterTokens, int repeat)
    {
        _polls = polls;
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
        var poll = _polls[0];
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
                poll = _polls[voter % _polls.Count];
                option = poll.Options[Random.Shared.Next(poll.Options.Count)].Id;
                sent = 0;
            }

            sent++;
            VoteResponse vote;
            try
            {
                vote = await api!.VoteAsync(poll.Id, option, cancellationToken);
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

    /// <summary>
    /// Waits up to <paramref name="patience"/> for each poll's results to equal its <paramref name="before"/> plus its
    /// acknowledged votes. With several polls, expected and actual are summed by option id and Match needs every poll exact.
    /// </summary>
    public async Task<VoteCheck> CheckAsync(
        ModerationApi service, IReadOnlyList<PollResultsResponse> before, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var match = true;
        var expectedSum = new Dictionary<string, long>();
        var actualSum = new Dictionary<string, long>();
        for (var p = 0; p < _polls.Count; p++)
        {
            var poll = _polls[p];
            var expected = poll.Options.ToDictionary(option => option.Id, option => before[p].Options.FirstOrDefault(o => o.Id == option.Id)?.Votes ?? 0);
            for (var voter = p; voter < _acknowledged.Length; voter += _polls.Count)
            {
                if (_acknowledged[voter] is { } option)
                {
                    expected[option] = expected.GetValueOrDefault(option) + 1;
                }
            }

            Dictionary<string, long> actual;
            while (true)
            {
                var results = await service.GetResultsAsync(poll.Id, cancellationToken);
                actual = results.Options.ToDictionary(option => option.Id, option => option.Votes);
                if (Same(expected, actual) || DateTime.UtcNow >= deadline)
                {
                    break;
                }

                await Task.Delay(100, cancellationToken);
            }

            match &= Same(expected, actual);
            Add(expectedSum, expected);
            Add(actualSum, actual);
        }

        var first = _polls[0];
        return new VoteCheck(
            _polls.Count == 1 ? first.Id : $"{first.Id} and {_polls.Count - 1} more",
            first.Options.ToDictionary(option => option.Id, option => option.Text),
            match,
            expectedSum,
            actualSum,
            _acknowledged.Count(option => option is not null),
            _uncertain.Count(flag => flag),
            Interlocked.Read(ref _unexpected));
    }

    private static void Add(Dictionary<string, long> sum, Dictionary<string, long> counts)
    {
        foreach (var (option, votes) in counts)
        {
            sum[option] = sum.GetValueOrDefault(option) + votes;
        }
    }

    private static bool Same(Dictionary<string, long> expected, Dictionary<string, long> actual) =>
        expected.Keys.Union(actual.Keys).All(key => expected.GetValueOrDefault(key) == actual.GetValueOrDefault(key));
}
