using System.Net;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Security.Tests.Cors;

/// <summary>Widgets on configured news sites may call the API from the browser; no other origin may.</summary>
[Collection(SecurityCollection.Name)]
public sealed class CorsTests(SecuritySilo silo, Counts counts, ITestOutputHelper output) : IClassFixture<Counts>
{
    public static TheoryData<string> Refused => new()
    {
        "https://evil.example",
        "https://news.example.org.evil.example",
        "http://news.example.org",
        "https://news.example.org:8443",
        "null",
    };

    [Theory]
    [InlineData(SecuritySilo.AllowedOrigin, "/api/polls/p1/votes", "POST")]
    [InlineData("https://www.other-paper.example", "/api/articles/a1/comments", "POST")]
    [InlineData(SecuritySilo.AllowedOrigin, "/api/comments/c1", "DELETE")]
    [InlineData(SecuritySilo.AllowedOrigin, "/api/articles/a1/settings", "PUT")]
    public async Task A_configured_origin_gets_a_preflight_answer_for_bearer_calls(string origin, string path, string method)
    {
        using var client = silo.Client();
        using var response = await client.SendAsync(Preflight(origin, path, method));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers").ToLowerInvariant());
        Assert.Contains("content-type", Header(response, "Access-Control-Allow-Headers").ToLowerInvariant());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
    }

    [Theory]
    [InlineData("/widgets/poll.js")]
    [InlineData("/widgets/comments.js")]
    [InlineData("/shared/api.js")]
    public async Task A_configured_origin_may_load_the_widget_modules(string path)
    {
        using var client = silo.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", SecuritySilo.AllowedOrigin);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecuritySilo.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Any_other_origin_gets_no_cors_headers_on_preflights_or_requests(string origin)
    {
        using var client = silo.Client();
        using var preflight = await client.SendAsync(Preflight(origin, "/api/polls/p1/votes", "POST"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/model");
        request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), $"{origin} was allowed a preflight");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"{origin} may read responses");
        counts.Report(output, "cors", $"refused origin {origin}: 2 requests tried");
    }

    [Fact]
    public async Task A_configured_origin_may_read_answers_and_their_retry_and_location_headers()
    {
        using var client = silo.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/cors-article/comments");
        request.Headers.Add("Origin", SecuritySilo.AllowedOrigin);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(SecuritySilo.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(response, "Access-Control-Expose-Headers"));
        Assert.Contains("Location", Header(response, "Access-Control-Expose-Headers"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://news.example.org/")]
    [InlineData("https://news.example.org/widgets")]
    [InlineData("news.example.org")]
    public void A_wildcard_or_anything_but_an_exact_origin_stops_the_service_at_start(string origin)
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Cors:AllowedOrigins", failure.ToString());
    }

    [Fact]
    public async Task With_no_origins_configured_no_preflight_is_answered()
    {
        await using var factory = new SiloFactory();
        using var client = factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();

        using var response = await client.SendAsync(Preflight(SecuritySilo.AllowedOrigin, "/api/polls/p1/votes", "POST"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin, string path, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
