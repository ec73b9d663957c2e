using System.Text.Json;
using Moderation.Client.Load;

namespace Moderation.Client.Tests;

[Collection(ServiceCollection.Name)]
public sealed class SpreadVoteLoadTests(ServiceFixture service)
{
    [Fact]
    public async Task Load_votes_over_several_fresh_polls_checks_every_poll()
    {
        var result = await service.RunAsync("load", "votes", "--create-poll", "--polls", "5", "--voters", "20", "-n", "4", "--repeat", "1",
            "-d", "30s", "--signing-key", service.SigningKey, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(40, figures.Requests);
        Assert.Equal(0, figures.Errors);
        Assert.NotNull(figures.Check);
        Assert.True(figures.Check.Match);
        Assert.EndsWith("and 4 more", figures.Check.PollId);
        Assert.Equal(20, figures.Check.Acknowledged);
        Assert.Equal(20, figures.Check.Actual.Values.Sum());
        Assert.Equal(0, figures.Check.UnexpectedOutcomes);
    }

    [Fact]
    public void Polls_must_be_at_least_one()
    {
        var parse = Cli.Parse("load", "votes", "--create-poll", "--polls", "0");

        Assert.Contains(parse.Errors, error => error.Message == "--polls must be 1 to 100000.");
    }
}
