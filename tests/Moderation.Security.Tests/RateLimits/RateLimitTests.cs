using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Security.Tests.RateLimits;

/// <summary>Write limits per reader and per client address: 429 with Retry-After, refused writes change nothing, held across silos.</summary>
public sealed class RateLimitTests(LimitedSilos silos, Counts counts, ITestOutputHelper output) : IClassFixture<LimitedSilos>, IClassFixture<Counts>
{
    [Fact]
    public async Task Votes_are_limited_per_reader_and_per_address_across_both_silos()
    {
        var address = NewAddress();
        var polls = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            polls.Add(await NewPollAsync());
        }

        var reader = silos.Tokens.Sign("limited-voter-" + Guid.NewGuid().ToString("N")[..6], []);
        var silo = new[] { silos.First, silos.Second };
        for (var i = 0; i < 3; i++)
        {
            using var vote = await VoteAsync(silo[i % 2], reader, address, polls[i]);
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        }

        using var refused = await VoteAsync(silos.Second, reader, address, polls[3]);
        await ExpectTooManyAsync(refused, TimeSpan.FromMinutes(1));
        using (var mine = Client(silos.First, reader, address))
        {
            var stored = await mine.GetFromJsonAsync<JsonElement>($"/api/polls/{polls[3]}/votes/me");
            Assert.Equal(JsonValueKind.Null, stored.GetProperty("optionId").ValueKind);
        }

        using var secondReader = await VoteAsync(silos.First, silos.Tokens.Sign("other-voter-a", []), address, polls[3]);
        using var thirdReader = await VoteAsync(silos.Second, silos.Tokens.Sign("other-voter-b", []), address, polls[3]);
        using var overAddress = await VoteAsync(silos.First, silos.Tokens.Sign("other-voter-c", []), address, polls[3]);
        using var elsewhere = await VoteAsync(silos.Second, silos.Tokens.Sign("other-voter-c", []), NewAddress(), polls[3]);

        Assert.Equal(HttpStatusCode.OK, secondReader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thirdReader.StatusCode);
        await ExpectTooManyAsync(overAddress, TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        counts.Report(output, "rate limits: votes", "10 votes tried over 2 silos, 2 refused with 429 (per reader, per address)");
    }

    [Fact]
    public async Task Anonymous_tokens_are_limited_per_address_across_both_silos_and_per_slash_64_for_ipv6()
    {
        var address = NewAddress();
        var silo = new[] { silos.First, silos.Second };
        for (var i = 0; i < 3; i++)
        {
            using var issued = await AnonymousAsync(silo[i % 2], address);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        using var refused = await AnonymousAsync(silos.Second, address);
        using var elsewhere = await AnonymousAsync(silos.Second, NewAddress());
        var prefix = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:1";
        for (var i = 1; i <= 3; i++)
        {
            using var issued = await AnonymousAsync(silo[i % 2], $"{prefix}::{i}");
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        using var sameSubnet = await AnonymousAsync(silos.First, $"{prefix}::99");
        using var nextSubnet = await AnonymousAsync(silos.First, $"{prefix[..^1]}2::1");

        await ExpectTooManyAsync(refused, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        await ExpectTooManyAsync(sameSubnet, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, nextSubnet.StatusCode);
        counts.Report(output, "rate limits: anonymous tokens", "10 requests tried over 2 silos, 2 refused with 429 (per IPv4 address, per IPv6 /64)");
    }

    [Fact]
    public async Task The_forwarded_address_counts_only_when_a_trusted_proxy_sends_the_request()
    {
        var (behindProxy, otherBehindProxy, direct) = (NewAddress(), NewAddress(), NewAddress());
        for (var i = 0; i < 3; i++)
        {
            using var viaProxy = await AnonymousAsync(silos.First, "127.0.0.1", forwardedFor: behindProxy);
            using var spoofed = await AnonymousAsync(silos.Second, direct, forwardedFor: NewAddress());
            Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
            Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        }

        using var proxiedRefused = await AnonymousAsync(silos.Second, "127.0.0.1", forwardedFor: behindProxy);
        using var proxiedOther = await AnonymousAsync(silos.Second, "127.0.0.1", forwardedFor: otherBehindProxy);
        using var spoofRefused = await AnonymousAsync(silos.First, direct, forwardedFor: NewAddress());

        await ExpectTooManyAsync(proxiedRefused, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, proxiedOther.StatusCode);
        await ExpectTooManyAsync(spoofRefused, TimeSpan.FromMinutes(2));
        counts.Report(output, "rate limits: client address", "9 requests tried, 2 refused with 429 (forwarded address behind a loopback proxy; X-Forwarded-For from a client ignored)");
    }

    [Fact]
    public async Task Comments_and_reports_are_limited_per_reader_and_a_refused_comment_is_not_stored()
    {
        var address = NewAddress();
        var article = "limits-" + Guid.NewGuid().ToString("N")[..8];
        var author = silos.Tokens.Sign("limited-author-" + Guid.NewGuid().ToString("N")[..6], []);
        var posted = new List<string>();
        foreach (var silo in new[] { silos.First, silos.Second })
        {
            using var client = Client(silo, author, address);
            using var created = await client.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A calm and fair point." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            posted.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        using var authorClient = Client(silos.First, author, address);
        using var refused = await authorClient.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "One too many." });
        await ExpectTooManyAsync(refused, TimeSpan.FromMinutes(10));
        var thread = await authorClient.GetFromJsonAsync<JsonElement>($"/api/articles/{article}/comments?sort=oldest&limit=50");
        Assert.Equal(posted, thread.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));

        using var reporter = Client(silos.Second, silos.Tokens.Sign("limited-reporter-" + Guid.NewGuid().ToString("N")[..6], []), address);
        foreach (var id in posted)
        {
            using var report = await reporter.PostAsJsonAsync($"/api/comments/{id}/reports", new { reason = "spam" });
            Assert.Equal(HttpStatusCode.Accepted, report.StatusCode);
        }

        using var tooMany = await reporter.PostAsJsonAsync($"/api/comments/{posted[0]}/reports", new { reason = "abusive" });
        await ExpectTooManyAsync(tooMany, TimeSpan.FromMinutes(10));
        counts.Report(output, "rate limits: comments and reports", "7 writes tried, 2 refused with 429");
    }

    [Fact]
    public async Task Reactions_and_edits_are_limited_per_reader_across_both_silos_and_a_refused_one_changes_nothing()
    {
        var address = NewAddress();
        var article = "limits-" + Guid.NewGuid().ToString("N")[..8];
        var author = silos.Tokens.Sign("limited-editor-" + Guid.NewGuid().ToString("N")[..6], []);
        using var authorClient = Client(silos.First, author, address);
        using var created = await authorClient.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A calm and fair point." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var fan = silos.Tokens.Sign("limited-fan-" + Guid.NewGuid().ToString("N")[..6], []);
        using (var first = Client(silos.First, fan, address))
        using (var added = await first.PutAsync($"/api/comments/{id}/reaction", null))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        using (var second = Client(silos.Second, fan, address))
        using (var taken = await second.DeleteAsync($"/api/comments/{id}/reaction"))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        using var fanClient = Client(silos.First, fan, address);
        using var refusedReaction = await fanClient.PutAsync($"/api/comments/{id}/reaction", null);
        await ExpectTooManyAsync(refusedReaction, TimeSpan.FromMinutes(1));

        using (var edited = await authorClient.PatchAsJsonAsync($"/api/comments/{id}", new { body = "A calm and fairer point." }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        using var onSecond = Client(silos.Second, author, address);
        using var refusedEdit = await onSecond.PatchAsJsonAsync($"/api/comments/{id}", new { body = "One edit too many." });
        await ExpectTooManyAsync(refusedEdit, TimeSpan.FromMinutes(10));
        var comment = await authorClient.GetFromJsonAsync<JsonElement>($"/api/comments/{id}");
        Assert.Equal(0, comment.GetProperty("reactions").GetInt64());
        Assert.Equal("A calm and fairer point.", comment.GetProperty("body").GetString());
        counts.Report(output, "rate limits: reactions and edits", "6 writes tried over 2 silos, 2 refused with 429");
    }

    [Theory]
    [InlineData("RateLimits:Votes:PerReader", "-1")]
    [InlineData("RateLimits:Comments:Window", "00:00:00")]
    public void A_negative_limit_or_empty_window_stops_the_service_at_start(string key, string value)
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("RateLimits", failure.ToString());
    }

    private static async Task ExpectTooManyAsync(HttpResponseMessage response, TimeSpan window)
    {
        await ProblemAssert.Expect(response, HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("429 without Retry-After seconds");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), window);
    }

    private async Task<string> NewPollAsync()
    {
        using var editor = silos.First.CreateClient().WithToken(silos.Tokens.Sign("limits-editor", ["editor"]));
        using var created = await editor.PostAsJsonAsync("/api/articles/limits-article/polls",
            new { question = "Yes or no?", options = new[] { "Yes", "No" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static HttpClient Client(WebApplicationFactory<Program> silo, string token, string address) =>
        silo.CreateClient().WithToken(token).From(address);

    private static async Task<HttpResponseMessage> VoteAsync(WebApplicationFactory<Program> silo, string token, string address, string poll)
    {
        using var client = Client(silo, token, address);
        return await client.PostAsJsonAsync($"/api/polls/{poll}/votes", new { optionId = "o1" });
    }

    private static async Task<HttpResponseMessage> AnonymousAsync(WebApplicationFactory<Program> silo, string address, string? forwardedFor = null)
    {
        using var client = silo.CreateClient().From(address);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.PostAsync("/api/readers/anonymous", null);
    }

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
}
