using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Polls;

/// <summary>SIGKILL the silo while votes flow: after a restart every vote that got a 2xx is there, counted once.</summary>
public sealed class VoteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("vote-crash");

    [Fact]
    public async Task Every_acknowledged_vote_is_counted_exactly_once_after_a_sigkill_mid_load()
    {
        var ballots = Enumerable.Range(0, 400).Select(i => $"o{i % 3 + 1}").Select(option => new CrashBallot(new { optionId = option }, [option])).ToArray();

        await using var run = await SigkillMidVotes.RunAsync(
            _dataDirectory, output, async editor => (await editor.CreatePollAsync("crash-article")).GetProperty("id").GetString()!, "crash-voter-",
            ballots, mine => [mine.GetProperty("optionId").GetString()!]);

        Assert.Superset(new HashSet<string> { "o1", "o2", "o3" }, run.Counted.Keys.ToHashSet());
        var published = await run.Client.ResultsAsync(run.PollId);
        Assert.Equal(run.Counted.Values.Sum(), published.GetProperty("totalVotes").GetInt64());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
