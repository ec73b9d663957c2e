using System.Net;

namespace Moderation.Api.Tests.Hosting;

[Collection(SiloCollection.Name)]
public sealed class PagePathsTests(SharedSilo silo)
{
    [Theory]
    [InlineData("/moderate", "/moderate.html")]
    [InlineData("/moderate/", "/moderate.html")]
    [InlineData("/model", "/model.html")]
    [InlineData("/rules/", "/rules.html")]
    [InlineData("/polls?from=nav", "/polls.html")]
    public async Task A_pages_short_path_serves_the_page(string path, string page)
    {
        using var client = silo.CreateClient();

        var expected = await client.GetStringAsync(page);
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/moderates")]
    [InlineData("/Moderate")]
    [InlineData("/moderate//")]
    [InlineData("/api/moderate")]
    public async Task Other_paths_are_not_pages(string path)
    {
        using var client = silo.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
