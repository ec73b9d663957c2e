using System.Text.Json;

namespace Moderation.Api.Tests.Comments;

/// <summary>The OpenAPI document names the refusals docs/http-api.md gives the comment section's routes (issue 16).</summary>
[Collection(SiloCollection.Name)]
public sealed class CommentSectionOpenApiTests(SharedSilo silo)
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
    public async Task The_openapi_document_lists_every_answer_of_the_comment_section_routes(string method, string path, string statuses)
    {
        using var client = silo.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses.Split(' '), responses.EnumerateObject().Select(response => response.Name).Order(StringComparer.Ordinal));
    }
}
