namespace Moderation.Api.Tests.Hosting;

/// <summary>The OpenAPI document names every answer docs/http-api.md gives a route, refusals included.</summary>
[Collection(SiloCollection.Name)]
public sealed class RouteAnswersDocumentTests(SharedSilo silo)
{
    [Theory]
    [InlineData("put", "/api/comments/{commentId}/reaction", "200 401 403 404 409 429")]
    [InlineData("delete", "/api/comments/{commentId}/reaction", "200 401 403 404 409 429")]
    [InlineData("post", "/api/moderation/comments/{commentId}/feature", "200 401 403 404")]
    [InlineData("delete", "/api/moderation/comments/{commentId}/feature", "200 401 403 404")]
    [InlineData("patch", "/api/comments/{commentId}", "200 400 401 403 404 409 429")]
    [InlineData("get", "/api/comments/{commentId}", "200 404")]
    [InlineData("get", "/api/readers/me/comments", "200 400 401")]
    [InlineData("get", "/api/readers/me/events", "200 400 401")]
    [InlineData("get", "/api/moderation/readers/{readerId}", "200 400 401 403")]
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
    public async Task The_openapi_document_lists_every_answer_of_a_route(string method, string path, string statuses)
    {
        var document = await OpenApiDocument.ReadAsync(silo);

        Assert.Equal(statuses.Split(' '), OpenApiDocument.Statuses(document, method, path));
    }

    [Fact]
    public async Task The_openapi_document_says_the_schedule_takes_closesAt_and_opensAt_and_nothing_else()
    {
        var document = await OpenApiDocument.ReadAsync(silo);

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("SchedulePollRequest");
        Assert.Equal(["closesAt", "opensAt"], schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order());
    }
}
