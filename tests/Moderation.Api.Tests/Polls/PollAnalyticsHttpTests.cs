using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Polls;
using Moderation.Redis.Polls;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Polls;

/// <summary>The editors' timeline, export and signals of a poll over HTTP.</summary>
[Collection(SiloCollection.Name)]
public sealed class PollAnalyticsHttpTests(SharedSilo silo)
{
    private SiloFactory Factory => silo.Factory;

    [Fact]
    public async Task The_timeline_adds_up_to_the_results_in_minutes_and_in_hours()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor);
        await VoteAsync(pollId, ("timeline-a", "o1"), ("timeline-b", "o1"), ("timeline-c", "o2"));
        await editor.ResultsWithinAsync(pollId, 3, TimeSpan.FromSeconds(5));

        var minutes = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/timeline?bucket=1m");
        var hours = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/timeline?bucket=1h");

        foreach (var timeline in new[] { minutes, hours })
        {
            var buckets = timeline.GetProperty("buckets").EnumerateArray().ToArray();
            Assert.NotEmpty(buckets);
            Assert.Equal(3, buckets.Sum(bucket => bucket.GetProperty("total").GetInt64()));
            Assert.Equal(new[] { 2L, 1L, 0L }, SumPerOption(buckets));
        }

        Assert.Equal("1h", hours.GetProperty("bucket").GetString());
        Assert.All(hours.GetProperty("buckets").EnumerateArray(),
            bucket => Assert.Equal(0, bucket.GetProperty("start").GetDateTimeOffset().Minute));
    }

    [Fact]
    public async Task A_bucket_other_than_a_minute_or_an_hour_is_400_and_an_unknown_poll_404()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor);

        using var badBucket = await editor.GetAsync($"/api/polls/{pollId}/timeline?bucket=5m");
        using var unknown = await editor.GetAsync("/api/polls/pNoSuchPoll/timeline");
        using var unknownExport = await editor.GetAsync("/api/polls/pNoSuchPoll/export");
        using var unknownSignals = await editor.GetAsync("/api/polls/pNoSuchPoll/signals");

        await ProblemAssert.Expect(badBucket, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(unknownExport, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(unknownSignals, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_export_is_csv_of_totals_and_minutes_without_reader_ids()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor);
        await VoteAsync(pollId, ("export-reader-one", "o2"), ("export-reader-two", "o2"));
        await editor.ResultsWithinAsync(pollId, 2, TimeSpan.FromSeconds(5));

        using var response = await editor.GetAsync($"/api/polls/{pollId}/export");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,start,option_id,option,votes", lines[0]);
        Assert.Equal(["total,,o1,Yes,0", "total,,o2,No,2", "total,,o3,Not sure,0"], lines[1..4]);
        Assert.Equal(2, lines.Where(line => line.StartsWith("minute,", StringComparison.Ordinal) && line.Contains(",o2,"))
            .Sum(line => long.Parse(line.Split(',')[^1])));
        Assert.DoesNotContain("export-reader", csv);
    }

    [Fact]
    public async Task A_scale_polls_timeline_export_and_peak_rate_count_its_votes_per_value()
    {
        using var editor = await EditorAsync();
        using var created = await editor.PostAsJsonAsync($"/api/articles/analytics-{Guid.NewGuid():N}/polls", new
        {
            question = "How far do you agree?",
            kind = "scale",
            scale = new { min = 1, max = 4, minLabel = "Not at all", maxLabel = "Fully" },
        });
        var pollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var (reader, value) in new[] { ("scale-timeline-a", 3), ("scale-timeline-b", 3), ("scale-timeline-c", 1) })
        {
            using var client = await Factory.ReaderAsync(reader);
            (await client.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { value })).EnsureSuccessStatusCode();
        }

        await editor.ResultsWithinAsync(pollId, 3, TimeSpan.FromSeconds(5));

        var minutes = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/timeline?bucket=1m");
        var csv = await editor.GetStringAsync($"/api/polls/{pollId}/export");
        var signals = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/signals");

        var buckets = minutes.GetProperty("buckets").EnumerateArray().ToArray();
        Assert.Equal(3, buckets.Sum(bucket => bucket.GetProperty("total").GetInt64()));
        Assert.Equal(["1", "2", "3", "4"], buckets[0].GetProperty("options").EnumerateArray().Select(option => option.GetProperty("id").GetString()));
        Assert.Equal(new[] { 1L, 0L, 2L, 0L }, SumPerOption(buckets));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["total,,1,1 (Not at all),1", "total,,2,2,0", "total,,3,3,2", "total,,4,4 (Fully),0"], lines[1..5]);
        Assert.Equal(3, lines.Where(line => line.StartsWith("minute,", StringComparison.Ordinal)).Sum(line => long.Parse(line.Split(',')[^1])));
        Assert.True(signals.GetProperty("rate").GetProperty("peakPerMinute").GetInt64() > 0);
    }

    [Fact]
    public async Task The_signals_count_signed_in_and_anonymous_votes_exactly_through_a_vote_change()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor, allowAnonymous: true, allowChange: true);
        await VoteAsync(pollId, ("signals-mia", "o1"), ("signals-ben", "o2"));
        using var anonymous = Factory.CreateClient();
        using var issued = await anonymous.PostAsync("/api/readers/anonymous", null);
        anonymous.WithToken((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        (await anonymous.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
        await VoteAsync(pollId, ("signals-mia", "o3"));

        var signals = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/signals");

        Assert.Equal(3, signals.GetProperty("totalVotes").GetInt64());
        Assert.Equal(2, signals.GetProperty("signedInVotes").GetInt64());
        Assert.Equal(1, signals.GetProperty("anonymousVotes").GetInt64());
        var options = signals.GetProperty("options").EnumerateArray()
            .Select(option => (option.GetProperty("signedIn").GetInt64(), option.GetProperty("anonymous").GetInt64())).ToArray();
        Assert.Equal([(0L, 1L), (1L, 0L), (1L, 0L)], options);
    }

    [Fact]
    public async Task Counted_votes_are_flushed_per_address_as_keyed_hashes_with_ipv6_grouped_by_64()
    {
        var pollId = "pAddresses" + Guid.NewGuid().ToString("N")[..8];
        var counter = Factory.Services.GetRequiredService<VoteAddressCounter>();
        var redis = Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        counter.Count(pollId, IPAddress.Parse("2001:db8:1:2::10"));
        counter.Count(pollId, IPAddress.Parse("2001:db8:1:2:ffff::1"));
        counter.Count(pollId, IPAddress.Parse("2001:db8:1:3::10"));
        counter.Count(pollId, IPAddress.Parse("::ffff:198.51.100.7"));
        counter.Count(pollId, IPAddress.Parse("198.51.100.7"));
        counter.Count(pollId, IPAddress.Parse("198.51.100.8"));

        await counter.FlushAsync();
        var stored = await redis.HashGetAllAsync(PollRedisKeys.Addresses(pollId));
        var signals = PollAnalyticsApi.AddressSignals(await Factory.Services.GetRequiredService<AddressStore>().ReadAsync(pollId));

        Assert.Equal([1L, 1L, 2L, 2L], stored.Select(entry => (long)entry.Value).Order());
        Assert.DoesNotContain(stored, entry => entry.Name.ToString().Contains("198.51") || entry.Name.ToString().Contains("2001"));
        Assert.True(await redis.KeyTimeToLiveAsync(PollRedisKeys.Addresses(pollId)) > TimeSpan.FromDays(89));
        Assert.Equal(6, signals.CountedVotes);
        Assert.Equal(4, signals.DistinctAddresses);
        Assert.Equal(1.0, signals.TopShare);
        Assert.Equal(0.3333, signals.Top[0].Share);
    }

    [Fact]
    public async Task An_editor_moves_an_open_polls_close_and_votes_are_refused_from_then_on()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor);
        var closedId = await NewPollAsync(editor);
        (await editor.PostAsync($"/api/polls/{closedId}/close", null)).Dispose();
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(2);

        using var scheduled = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt });
        using var past = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        using var closed = await editor.PutAsJsonAsync($"/api/polls/{closedId}/schedule", new { closesAt = DateTimeOffset.UtcNow.AddHours(1) });
        await Task.Delay(closesAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        using var reader = await Factory.ReaderAsync("schedule-late");
        using var late = await reader.VoteAsync(pollId, "o1");

        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(),
            (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        await ProblemAssert.Expect(past, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(closed, HttpStatusCode.Conflict);
        await ProblemAssert.Expect(late, HttpStatusCode.Conflict);
        Assert.Equal("closed", (await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scheduling_a_close_before_a_polls_opening_is_400_and_changes_nothing()
    {
        using var editor = await EditorAsync();
        var opensAt = DateTimeOffset.UtcNow.AddDays(1);
        using var created = await editor.PostAsJsonAsync($"/api/articles/analytics-{Guid.NewGuid():N}/polls", new
        {
            question = "Later?", options = new[] { "Yes", "No" }, opensAt,
        });
        var pollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var early = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt = opensAt.AddHours(-1) });
        var unchanged = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        using var later = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt = opensAt.AddHours(1) });

        var problem = await ProblemAssert.Expect(early, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("closesAt", out _));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("closesAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var poll = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        Assert.Equal("scheduled", poll.GetProperty("status").GetString());
        Assert.Equal(opensAt.AddHours(1).ToUnixTimeMilliseconds(), poll.GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task The_editors_list_has_a_new_poll_with_its_live_totals()
    {
        using var editor = await EditorAsync();
        var pollId = await NewPollAsync(editor);
        await VoteAsync(pollId, ("list-reader", "o3"));
        await editor.ResultsWithinAsync(pollId, 1, TimeSpan.FromSeconds(5));

        var list = await editor.GetFromJsonAsync<JsonElement>("/api/polls?limit=200");
        using var tooMany = await editor.GetAsync("/api/polls?limit=201");

        var listed = list.GetProperty("polls").EnumerateArray().Single(poll => poll.GetProperty("poll").GetProperty("id").GetString() == pollId);
        Assert.Equal(new[] { 0L, 0L, 1L }, listed.GetProperty("results").Votes());
        await ProblemAssert.Expect(tooMany, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_editors_list_gives_a_scale_polls_histogram_mean_and_median_and_a_multiple_choice_polls_voters()
    {
        using var editor = await EditorAsync();
        using var scaleCreated = await editor.PostAsJsonAsync($"/api/articles/analytics-{Guid.NewGuid():N}/polls", new
        {
            question = "How far?", kind = "scale", scale = new { min = 1, max = 3, minLabel = "Low", maxLabel = "High" },
        });
        using var multipleCreated = await editor.PostAsJsonAsync($"/api/articles/analytics-{Guid.NewGuid():N}/polls", new
        {
            question = "Which?", kind = "multiple", options = new[] { "A", "B", "C" },
        });
        var scale = (await scaleCreated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var multiple = (await multipleCreated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var reader = await Factory.ReaderAsync($"list-kinds-{scale}");
        (await reader.PostAsJsonAsync($"/api/polls/{scale}/votes", new { value = 3 })).EnsureSuccessStatusCode();
        (await reader.PostAsJsonAsync($"/api/polls/{multiple}/votes", new { optionIds = new[] { "o1", "o3" } })).EnsureSuccessStatusCode();
        await editor.ResultsWithinAsync(scale, 1, TimeSpan.FromSeconds(5));
        await editor.ResultsWithinAsync(multiple, 2, TimeSpan.FromSeconds(5));

        var list = (await editor.GetFromJsonAsync<JsonElement>("/api/polls?limit=200")).GetProperty("polls").EnumerateArray().ToArray();

        JsonElement ResultsOf(string pollId) =>
            list.Single(poll => poll.GetProperty("poll").GetProperty("id").GetString() == pollId).GetProperty("results");
        var scaleResults = ResultsOf(scale);
        Assert.Equal(new[] { 0L, 0L, 1L }, scaleResults.GetProperty("histogram").EnumerateArray().Select(value => value.GetProperty("votes").GetInt64()));
        Assert.Equal(3.0, scaleResults.GetProperty("mean").GetDouble());
        Assert.Equal(3.0, scaleResults.GetProperty("median").GetDouble());
        Assert.Equal(1, ResultsOf(multiple).GetProperty("voters").GetInt64());
        Assert.Equal(2, ResultsOf(multiple).GetProperty("totalVotes").GetInt64());
    }

    private async Task VoteAsync(string pollId, params (string Reader, string Option)[] votes)
    {
        foreach (var (reader, option) in votes)
        {
            using var client = await Factory.ReaderAsync(reader);
            using var response = await client.VoteAsync(pollId, option);
            response.EnsureSuccessStatusCode();
        }
    }

    private static long[] SumPerOption(IEnumerable<JsonElement> buckets) =>
        [.. buckets.SelectMany(bucket => bucket.GetProperty("options").EnumerateArray().Select((option, index) => (index, votes: option.GetProperty("votes").GetInt64())))
            .GroupBy(option => option.index).OrderBy(group => group.Key).Select(group => group.Sum(option => option.votes))];

    private static async Task<string> NewPollAsync(HttpClient editor, bool allowAnonymous = false, bool allowChange = false)
    {
        var poll = await editor.CreatePollAsync("analytics-" + Guid.NewGuid().ToString("N")[..8], allowChange, allowAnonymous);
        return poll.GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = Factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync("editor-" + Guid.NewGuid().ToString("N")[..6], "editor"));
    }
}
