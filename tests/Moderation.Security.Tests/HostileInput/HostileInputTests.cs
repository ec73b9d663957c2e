using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moderation.Security.Tests.Authorization;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Security.Tests.HostileInput;

/// <summary>
/// Hostile input against every write route, sent by an admin so that no role check stands in the way: no answer is
/// a 5xx, every refusal is a problem detail and leaves Redis exactly as it was, and the service is healthy afterwards.
/// Its own service and Redis, so the store holds only what these requests made.
/// </summary>
public sealed class HostileInputTests(SecuritySilo silo, Counts counts, ITestOutputHelper output)
    : IClassFixture<SecuritySilo>, IClassFixture<Counts>
{
    private const int Seed = 20261128;

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_or_changes_anything_when_refused_and_the_service_stays_healthy()
    {
        var scenario = new Scenario(silo);
        await scenario.CreateAsync();
        await scenario.CurrentModelVersionAsync();
        var closable = await scenario.NewPollAsync();
        var (deletable, _) = await scenario.PostAsync(scenario.Article, Scenario.Author);
        var (held, revision) = await scenario.PostAsync(scenario.PremoderatedArticle, Scenario.Author);
        var routes = Routes(scenario, closable, deletable, held, revision);
        using var client = silo.Client(silo.Token("fuzz-admin", "admin"));
        using var redis = await ConnectionMultiplexer.ConnectAsync(silo.Redis.ConnectionString + ",allowAdmin=true");
        var baseline = await StoreSnapshot.SettledAsync(redis);
        var bodies = new HostileBodies(new Random(Seed));
        var failures = new List<string>();
        var (tried, refused, accepted) = (0, 0, 0);

        foreach (var route in routes)
        {
            // A route without a body ignores what is sent, so a few bodies show that; the ids are what matter there.
            var requests = bodies.For(route.Fields, randomCount: 40).Take(route.Fields.Length == 0 ? 4 : int.MaxValue)
                .Select(body => (Kind: body.Kind, Path: route.PathWith(route.ValidId ?? ""), Body: body))
                .Concat(route.ValidId is null
                    ? []
                    : HostileIds.Escaped.Select(id => (Kind: $"hostile id {Shorten(id)}", Path: route.PathWith(id),
                        Body: new HostileBody("valid", Encoding.UTF8.GetBytes(route.ValidBody)))));
            foreach (var (kind, path, body) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = new ByteArrayContent(body.Bytes) };
                if (body.ContentType is not null)
                {
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType);
                }

                using var response = await client.SendAsync(request);
                tried++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{route} {kind}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
                    continue;
                }

                if (status < 400)
                {
                    accepted++;
                    if ((await StoreSnapshot.TakeAsync(redis)).Differences(baseline).Count > 0)
                    {
                        baseline = await StoreSnapshot.SettledAsync(redis);
                    }

                    continue;
                }

                refused++;
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{route} {kind}: {status} without a problem detail");
                }

                var after = await StoreSnapshot.TakeAsync(redis);
                if (after.Differences(baseline) is { Count: > 0 } differences)
                {
                    failures.Add($"{route} {kind}: refused with {status} but changed {string.Join(", ", differences.Take(5))}");
                    baseline = await StoreSnapshot.SettledAsync(redis);
                }
            }
        }

        var healthy = await HealthyAfterwardsAsync(scenario);
        counts.Report(output, "hostile input",
            $"{tried} requests tried on {routes.Length} write routes (seed {Seed}): {refused} refused with 4xx and nothing changed, " +
            $"{accepted} accepted, {failures.Count} failures; {baseline.Keys} keys compared after each; healthy afterwards: {healthy}");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(50)));
        Assert.True(healthy);
        Assert.True(refused > accepted * 4, $"only {refused} of {tried} refused: the bodies are not hostile enough");
    }

    private async Task<bool> HealthyAfterwardsAsync(Scenario scenario)
    {
        using var client = silo.Client(silo.Token("fuzz-after"));
        using var ready = await client.GetAsync("/health/ready");
        using var comment = await client.PostAsJsonAsync($"/api/articles/{scenario.Article}/comments", new { body = "Still working, thank you." });
        using var vote = await client.PostAsJsonAsync($"/api/polls/{scenario.OpenPoll}/votes", new { optionId = "o2" });
        var results = await client.GetFromJsonAsync<JsonElement>($"/api/polls/{scenario.OpenPoll}/results");
        return ready.StatusCode == HttpStatusCode.OK && comment.StatusCode == HttpStatusCode.Created && vote.StatusCode == HttpStatusCode.OK
            && results.GetProperty("totalVotes").GetInt64() >= 1;
    }

    private static WriteRoute[] Routes(Scenario s, string closable, string deletable, string held, int revision) =>
    [
        new("POST", "/api/articles/{id}/comments", s.Article, ["body", "parentId"], "{\"body\":\"A fair point.\"}"),
        new("POST", "/api/polls/{id}/votes", s.OpenPoll, ["optionId"], "{\"optionId\":\"o1\"}"),
        new("POST", "/api/comments/{id}/reports", s.PublishedComment, ["reason", "note"], "{\"reason\":\"spam\"}"),
        new("POST", "/api/articles/{id}/polls", s.Article, ["question", "options", "closesAt", "allowAnonymous", "allowVoteChange"],
            "{\"question\":\"Yes?\",\"options\":[\"Yes\",\"No\"]}"),
        new("PUT", "/api/articles/{id}/settings", s.Article, ["commentsOpen", "premoderation", "holdThreshold"], "{\"commentsOpen\":true}"),
        new("POST", "/api/polls/{id}/close", closable, [], ""),
        new("POST", "/api/polls/{id}/recount", s.OpenPoll, [], ""),
        new("DELETE", "/api/comments/{id}", deletable, [], ""),
        new("POST", "/api/moderation/comments/{id}/decision", held, ["action", "reason", "note", "revision"],
            $"{{\"action\":\"reject\",\"reason\":\"spam\",\"revision\":{revision}}}"),
        new("POST", "/api/moderation/readers/{id}/ban", "fuzz-target", ["reason", "rejectPending"], "{\"reason\":\"spam\"}"),
        new("DELETE", "/api/moderation/readers/{id}/ban", "fuzz-target", [], ""),
        new("POST", "/api/toxicity/check", null, ["body"], "{\"body\":\"hello\"}"),
        new("POST", "/api/model/score", null, ["text"], "{\"text\":\"hello\"}"),
        new("POST", "/api/model/labels", null, ["items"], "{\"items\":[{\"text\":\"A fair label.\",\"toxic\":false}]}"),
        new("POST", "/api/model/versions/{id}/promote", s.ModelVersion, [], ""),
        new("POST", "/api/imports/batches", null, ["source", "html", "comments", "asLabels"],
            $"{{\"source\":\"disqus\",\"comments\":[{{\"sourceId\":\"fuzz\",\"articleId\":\"{s.Article}\",\"authorKey\":\"fuzz\",\"body\":\"Old\",\"createdAt\":\"2019-01-01T00:00:00Z\",\"status\":\"published\"}}]}}"),
        new("POST", "/api/imports/audit", null, ["records"],
            "{\"records\":[{\"at\":\"2019-01-01T00:00:00Z\",\"action\":\"unban\",\"readerId\":\"fuzz\"}]}"),
        new("POST", "/api/imports/polls", null, ["id", "articleId", "question", "options", "createdAt", "kind", "closed"],
            $"{{\"id\":\"pfuzz\",\"articleId\":\"{s.Article}\",\"question\":\"Q?\",\"options\":[{{\"id\":\"o1\",\"text\":\"A\"}},{{\"id\":\"o2\",\"text\":\"B\"}}],\"createdAt\":\"2019-01-01T00:00:00Z\"}}"),
        new("POST", "/api/imports/polls/{id}/ballots", s.OpenPoll, ["ballots"], "{\"ballots\":[{\"readerId\":\"fuzz\",\"choice\":\"o1\",\"signedIn\":true}]}"),
        new("POST", "/api/readers/anonymous", null, [], ""),
        new("POST", "/api/dev/tokens", null, ["subject", "name", "roles"], "{\"subject\":\"x\"}"),
    ];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + $"...({text.Length} chars)";
}
