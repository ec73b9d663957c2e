using System.Net;
using Moderation.Testing;

namespace Moderation.Browser.Tests;

/// <summary>The headers the service sends with its pages and everything else; in-process, no browser needed.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_script_and_every_response_carries_nosniff()
    {
        await using var factory = new SiloFactory();
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/moderate", "/index.html" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("style-src 'self';", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            Assert.EndsWith("frame-ancestors 'self'", policy);
            Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
            Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync());
        }

        foreach (var path in new[] { "/widgets/poll.js", "/widgets/comments.js", "/api/articles/any-article", "/api/polls/nope", "/health/live" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Content-Security-Policy"), $"{path} is not a page");
        }
    }

    [Fact]
    public async Task Frame_ancestors_come_from_configuration()
    {
        await using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Web:FrameAncestors"] = "'self' https://news.example https://*.news.example",
        });
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/moderate");

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.EndsWith("frame-ancestors 'self' https://news.example https://*.news.example", policy);
    }

    [Fact]
    public void A_frame_ancestors_setting_that_would_smuggle_in_another_directive_stops_the_start()
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Web:FrameAncestors"] = "'self'; script-src *",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Web:FrameAncestors", failure.ToString());
    }
}
