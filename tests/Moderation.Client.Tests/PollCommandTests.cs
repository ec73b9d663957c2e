using System.Text.Json;
using System.Text.RegularExpressions;
using Moderation.Client.Http;
using Moderation.Client.Load;

namespace Moderation.Client.Tests;

/// <summary>The polls commands and the vote load against the real polls API.</summary>
[Collection(ServiceCollection.Name)]
public sealed partial class PollCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task An_editor_creates_a_poll_a_reader_votes_and_the_results_show_it()
    {
        var editor = service.Mint("poll-editor", "editor");
        var reader = service.Mint("poll-reader-" + Guid.NewGuid().ToString("N")[..6]);

        var created = await service.RunAsync("polls", "create", "client-tests-flow", "--question", "Tea or coffee?",
            "--option", "Tea", "--option", "Coffee", "--option", "Neither", "--token", editor);
        Assert.True(created.ExitCode == 0, created.Output);
        var pollId = PollId().Match(created.Output).Groups[1].Value;

        var shown = await service.RunAsync("polls", "show", pollId);
        Assert.True(shown.ExitCode == 0, shown.Output);
        Assert.Contains($"Poll {pollId} on article client-tests-flow: Tea or coffee?", shown.Output);
        Assert.Contains("open; closes when closed; anonymous votes: no; vote change: no", shown.Output);
        Assert.Contains("Neither", shown.Output);

        var byText = await service.RunAsync("polls", "vote", pollId, "coffee", "--token", reader);
        var again = await service.RunAsync("polls", "vote", pollId, "2", "--token", reader);
        var other = await service.RunAsync("polls", "vote", pollId, "Tea", "--token", reader);
        var unknown = await service.RunAsync("polls", "vote", pollId, "Milk", "--token", reader);

        Assert.True(byText.ExitCode == 0, byText.Output);
        Assert.Contains("Vote for Coffee", byText.Output);
        Assert.Contains("counted", byText.Output);
        Assert.Contains("unchanged", again.Output);
        Assert.Equal(ClientHost.ServiceRefused, other.ExitCode);
        Assert.Contains("The service refused: 409", other.Output);
        Assert.Equal(ClientHost.InvalidUse, unknown.ExitCode);
        Assert.Contains("1 = Tea", unknown.Output);

        var results = await WaitForAsync(pollId, "total 1: Tea 0, Coffee 1, Neither 0");
        Assert.Contains("Tea or coffee?", results.Output);

        var closed = await service.RunAsync("polls", "close", pollId, "--token", editor);
        Assert.True(closed.ExitCode == 0, closed.Output);
        Assert.Contains("  closed; closes", closed.Output);
        var late = await service.RunAsync("polls", "vote", pollId, "Tea", "--token", service.Mint("late-reader-" + Guid.NewGuid().ToString("N")[..6]));
        Assert.Contains("The service refused: 409", late.Output);
    }

    [Fact]
    public async Task An_editor_moves_a_polls_opening_with_schedule_and_then_opens_it_now()
    {
        var editor = service.Mint("poll-editor", "editor");
        var created = await service.RunAsync("polls", "create", "client-tests-schedule", "--question", "Later?", "--option", "Yes", "--option", "No",
            "--opens-at", DateTimeOffset.UtcNow.AddHours(1).ToString("O"), "--token", editor);
        var pollId = PollId().Match(created.Output).Groups[1].Value;

        var moved = await service.RunAsync("polls", "schedule", pollId, "--opens-at", "2099-01-02T03:04:05Z", "--token", editor);
        var both = await service.RunAsync("polls", "schedule", pollId, "--opens-at", "2099-01-02T03:04:05Z", "--open-now", "--token", editor);
        var opened = await service.RunAsync("polls", "schedule", pollId, "--open-now", "--token", editor);
        var again = await service.RunAsync("polls", "schedule", pollId, "--opens-at", "2099-01-02T03:04:05Z", "--token", editor);

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(moved.ExitCode == 0, moved.Output);
        Assert.Contains("opens 2099-01-02 03:04:05Z", moved.Output);
        Assert.Contains("scheduled", moved.Output);
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("Give --opens-at or --open-now, not both.", both.Output);
        Assert.True(opened.ExitCode == 0, opened.Output);
        Assert.Contains("  open; closes when closed", opened.Output);
        Assert.Equal(ClientHost.ServiceRefused, again.ExitCode);
        Assert.Contains("already open", again.Output);
    }

    [Fact]
    public async Task An_editor_creates_a_multiple_choice_poll_and_a_reader_votes_several_options_by_text_and_number()
    {
        var editor = service.Mint("poll-editor", "editor");
        var reader = service.Mint("multi-reader-" + Guid.NewGuid().ToString("N")[..6]);

        var created = await service.RunAsync("polls", "create", "client-tests-multiple", "--question", "Which?", "--kind", "multiple",
            "--max-choices", "2", "--option", "Tea", "--option", "Coffee", "--option", "Juice", "--visibility", "after-vote", "--token", editor);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("kind: multiple (up to 2); results: after-vote", created.Output);
        var pollId = PollId().Match(created.Output).Groups[1].Value;

        var tooMany = await service.RunAsync("polls", "vote", pollId, "Tea", "2", "3", "--token", reader);
        var vote = await service.RunAsync("polls", "vote", pollId, "tea", "3", "--token", reader);

        Assert.Equal(ClientHost.ServiceRefused, tooMany.ExitCode);
        Assert.Contains("optionIds", tooMany.Output);
        Assert.True(vote.ExitCode == 0, vote.Output);
        Assert.Contains("Vote for Tea, Juice", vote.Output);
        Assert.Contains("counted", vote.Output);
        var results = await WaitForAsync(pollId, "Tea 1, Coffee 0, Juice 1", "--token", reader);
        Assert.Contains("Tea 1, Coffee 0, Juice 1", results.Output);
    }

    [Fact]
    public async Task An_editor_creates_a_scheduled_scale_and_a_reader_is_told_when_it_opens()
    {
        var editor = service.Mint("poll-editor", "editor");
        var opensAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O");

        var created = await service.RunAsync("polls", "create", "client-tests-scale", "--question", "Agree?", "--kind", "scale",
            "--scale-min", "1", "--scale-max", "5", "--min-label", "Not at all", "--max-label", "Fully", "--opens-at", opensAt, "--token", editor);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("scale: 1 (Not at all) to 5 (Fully)", created.Output);
        Assert.Contains("scheduled", created.Output);
        var pollId = PollId().Match(created.Output).Groups[1].Value;

        var early = await service.RunAsync("polls", "vote", pollId, "4", "--token", service.Mint("scale-reader-" + Guid.NewGuid().ToString("N")[..6]));
        var notANumber = await service.RunAsync("polls", "vote", pollId, "lots", "--token", service.Mint("scale-reader-x"));

        Assert.Equal(ClientHost.ServiceRefused, early.ExitCode);
        Assert.Contains("opens to votes at", early.Output);
        Assert.Equal(ClientHost.InvalidUse, notANumber.ExitCode);
        Assert.Contains("from 1 to 5", notANumber.Output);
    }

    [Fact]
    public async Task Creating_a_poll_without_the_editor_role_is_refused_readably()
    {
        var result = await service.RunAsync("polls", "create", "client-tests-flow", "--question", "Q?", "--option", "A", "--option", "B",
            "--token", service.Mint("not-an-editor"));

        Assert.Equal(ClientHost.ServiceRefused, result.ExitCode);
        Assert.Contains("The service refused: 403", result.Output);
    }

    [Fact]
    public async Task Load_votes_on_a_fresh_poll_matches_the_acknowledged_votes()
    {
        var result = await service.RunAsync("load", "votes", "--create-poll", "--options", "4", "-n", "8", "--repeat", "2", "-d", "20s",
            "--signing-key", service.SigningKey, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(24, figures.Requests);
        Assert.Equal(0, figures.Errors);
        Assert.NotNull(figures.Check);
        Assert.True(figures.Check.Match);
        Assert.Equal(8, figures.Check.Acknowledged);
        Assert.Equal(8, figures.Check.Actual.Values.Sum());
        Assert.Equal(0, figures.Check.UnexpectedOutcomes);
    }

    [Fact]
    public async Task Load_votes_on_an_existing_poll_counts_its_earlier_votes_and_moves_through_voters()
    {
        var editor = service.Mint("poll-editor", "editor");
        var created = await service.RunAsync("polls", "create", "client-tests-load", "--question", "Which?", "--option", "A", "--option", "B", "--token", editor);
        var pollId = PollId().Match(created.Output).Groups[1].Value;
        await service.RunAsync("polls", "vote", pollId, "A", "--token", service.Mint("early-" + Guid.NewGuid().ToString("N")[..6]));
        // Results are read from the cache: the load run's starting point must already include the earlier vote.
        await WaitForAsync(pollId, "total 1: A 1, B 0");

        var result = await service.RunAsync("load", "votes", "--poll", pollId, "-n", "3", "--voters", "30", "-d", "20s", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(30, figures.Requests);
        Assert.True(figures.Check!.Match);
        Assert.Equal(31, figures.Check.Actual.Values.Sum());
    }

    [Fact]
    public async Task Load_results_and_compare_run_against_the_polls_api()
    {
        var compare = await service.RunAsync("load", "compare", "-n", "2", "-d", "1s", "--signing-key", service.SigningKey, "--voters", "2000", "--json");

        Assert.True(compare.ExitCode == 0, compare.Output);
        var comparison = JsonSerializer.Deserialize<LoadComparison>(compare.Output, LoadFigures.JsonOptions)!;
        Assert.Equal("baseline", comparison.Baseline.Kind);
        Assert.Equal("votes", comparison.Run.Kind);
        Assert.True(comparison.Run.Check!.Match);
        Assert.True(comparison.ThroughputRatio > 0);

        var results = await service.RunAsync("load", "results", "--poll", comparison.Run.Check.PollId, "-n", "2", "--requests", "50", "--json");
        var figures = JsonSerializer.Deserialize<LoadFigures>(results.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(50, figures.Requests);
        Assert.Equal(0, figures.Errors);
    }

    [Fact]
    public async Task Watch_prints_the_current_results_then_each_change()
    {
        var editor = service.Mint("poll-editor", "editor");
        var created = await service.RunAsync("polls", "create", "client-tests-watch", "--question", "Live?", "--option", "Yes", "--option", "No", "--token", editor);
        var pollId = PollId().Match(created.Output).Groups[1].Value;

        var watching = service.RunAsync("polls", "watch", pollId, "--seconds", "4");
        await Task.Delay(1500);
        await service.RunAsync("polls", "vote", pollId, "Yes", "--token", service.Mint("watcher-" + Guid.NewGuid().ToString("N")[..6]));
        var result = await watching;

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("total 0: Yes 0, No 0", result.Output);
        Assert.Contains("total 1: Yes 1, No 0", result.Output);
        Assert.Contains("Stopped after", result.Output);
    }

    [Fact]
    public async Task An_editor_reads_a_polls_timeline_by_hour_and_exports_it_as_csv_and_a_reader_is_refused()
    {
        var editor = service.Mint("timeline-editor", "editor");
        var created = await service.RunAsync("polls", "create", "client-tests-timeline", "--question", "Rain or shine?",
            "--option", "Rain", "--option", "Shine", "--token", editor);
        var pollId = PollId().Match(created.Output).Groups[1].Value;
        await service.RunAsync("polls", "vote", pollId, "Shine", "--token", service.Mint("timeline-reader-" + Guid.NewGuid().ToString("N")[..6]));
        await WaitForAsync(pollId, "total 1: Rain 0, Shine 1");

        var timeline = await service.RunAsync("polls", "timeline", pollId, "--bucket", "1h", "--token", editor);
        var export = await service.RunAsync("polls", "export", pollId, "--token", editor);
        var refused = await service.RunAsync("polls", "export", pollId, "--token", service.Mint("not-an-editor"));
        var badBucket = await service.RunAsync("polls", "timeline", pollId, "--bucket", "5m", "--token", editor);

        Assert.True(timeline.ExitCode == 0, timeline.Output);
        Assert.Contains("Rain or shine?: votes per hour (UTC)", timeline.Output);
        Assert.Matches(@":00 +│ +1 │ +0 │ +1 │", timeline.Output);
        Assert.True(export.ExitCode == 0, export.Output);
        Assert.StartsWith("series,start,option_id,option,votes\r\ntotal,,o1,Rain,0\r\ntotal,,o2,Shine,1\r\nminute,", export.Output);
        Assert.Equal(ClientHost.ServiceRefused, refused.ExitCode);
        Assert.Contains("The service refused: 403", refused.Output);
        Assert.Equal(ClientHost.InvalidUse, badBucket.ExitCode);
    }

    private async Task<CliResult> WaitForAsync(string pollId, string expected, params string[] options)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var result = await service.RunAsync(["polls", "results", pollId, .. options]);
            if (result.Output.Contains(expected, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                Assert.Contains(expected, result.Output);
                return result;
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Poll (\S+) on article")]
    private static partial Regex PollId();
}
