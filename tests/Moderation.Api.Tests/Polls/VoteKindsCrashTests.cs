using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Polls;

/// <summary>As <see cref="VoteCrashTests"/>, for multiple-choice and scale polls: SIGKILL mid-load keeps every acknowledged vote, once.</summary>
public sealed class VoteKindsCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("vote-kinds-crash");

    [Theory]
    [InlineData("multiple")]
    [InlineData("scale")]
    public async Task Every_acknowledged_vote_of_a_kind_is_counted_exactly_once_after_a_sigkill_mid_load(string kind)
    {
        var ballots = Enumerable.Range(0, 300).Select(i => Ballot.For(kind, i)).ToArray();

        await using var run = await SigkillMidVotes.RunAsync(
            _dataDirectory, output, async editor =>
            {
                using var created = await editor.PostAsJsonAsync("/api/articles/crash-kinds/polls", kind == "scale"
                    ? new { question = "Agree?", kind, scale = new { min = 1, max = 5, minLabel = "No", maxLabel = "Yes" } } as object
                    : new { question = "Which?", kind, maxChoices = 3, options = new[] { "A", "B", "C", "D" } });
                return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            },
            $"crash-{kind}-voter-", ballots, Ballot.ItemsOf);
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);

    /// <summary>The ballots of a kind, and what a reader's <c>votes/me</c> answer counts the vote under.</summary>
    private static class Ballot
    {
        private static readonly string[][] Picks = [["o1"], ["o1", "o3"], ["o2", "o3", "o4"]];

        public static CrashBallot For(string kind, int voter) => kind == "scale"
            ? new CrashBallot(new { value = voter % 5 + 1 }, [$"{voter % 5 + 1}"])
            : new CrashBallot(new { optionIds = Picks[voter % 3] }, Picks[voter % 3]);

        public static string[] ItemsOf(JsonElement myVote) => myVote.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            ? [value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : [.. myVote.GetProperty("optionIds").EnumerateArray().Select(id => id.GetString()!)];
    }
}
