using System.Text.Json;

namespace Moderation.Api.Tests.Polls;

/// <summary>The OpenAPI document names the answers of the poll routes that docs/http-api.md names.</summary>
[Collection(SiloCollection.Name)]
public sealed class PollsDocumentTests(SharedSilo silo)
{
    [Theory]
    [InlineData("post", "/api/articles/{articleId}/polls", "201 400 401 403")]
    [InlineData("get", "/api/polls", "200 400 401 403")]
    [InlineData("get", "/api/polls/{pollId}", "200 404")]
    [InlineData("post", "/api/polls/{pollId}/votes", "200 400 401 403 404 409 429")]
    [InlineData("get", "/api/polls/{pollId}/votes/me", "200 401 404")]
    [InlineData("get", "/api/polls/{pollId}/results", "200 403 404")]
    [InlineData("get", "/api/polls/{pollId}/events", "200 403 404")]
    [InlineData("post", "/api/polls/{pollId}/close", "200 401 403 404")]
    [InlineData("put", "/api/polls/{pollId}/schedule", "200 400 401 403 404 409")]
    [InlineData("post", "/api/polls/{pollId}/recount", "200 401 403 404")]
    [InlineData("get", "/api/polls/{pollId}/timeline", "200 400 401 403 404")]
    [InlineData("get", "/api/polls/{pollId}/export", "200 401 403 404")]
    [InlineData("get", "/api/polls/{pollId}/signals", "200 401 403 404")]
    public async Task The_openapi_document_names_every_answer_of_a_poll_route(string method, string path, string statuses)
    {
        using var client = silo.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses.Split(' '), responses.EnumerateObject().Select(response => response.Name).Order());
    }

    [Fact]
    public async Task The_openapi_document_says_the_schedule_takes_closesAt_and_opensAt_and_nothing_else()
    {
        using var client = silo.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("SchedulePollRequest");
        Assert.Equal(["closesAt", "opensAt"], schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order());
    }
}
