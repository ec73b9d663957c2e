using System.Net;
using System.Text.Json;

namespace Moderation.Api.Tests.Hosting;

[Collection(SiloCollection.Name)]
public sealed class HealthAndDocumentTests(SharedSilo silo)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_once_started(string path)
    {
        using var client = silo.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_names_the_store_and_the_cluster()
    {
        using var client = silo.CreateClient();

        var report = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/articles/{articleId}")]
    [InlineData("/api/articles/{articleId}/settings")]
    [InlineData("/api/readers/anonymous")]
    [InlineData("/api/dev/tokens")]
    [InlineData("/health/ready")]
    [InlineData("/api/model/labels")]
    [InlineData("/api/model/retrain")]
    [InlineData("/api/model/retrain/{id}")]
    [InlineData("/api/model/versions")]
    [InlineData("/api/model/versions/{version}/promote")]
    [InlineData("/api/moderation/rules/words")]
    [InlineData("/api/moderation/rules/trust")]
    [InlineData("/api/webhooks")]
    [InlineData("/api/webhooks/{webhookId}")]
    [InlineData("/api/webhooks/{webhookId}/deliveries")]
    [InlineData("/api/moderation/events")]
    [InlineData("/api/comments/{commentId}/reaction")]
    [InlineData("/api/comments/{commentId}")]
    [InlineData("/api/moderation/comments/{commentId}/feature")]
    [InlineData("/api/readers/me/comments")]
    [InlineData("/api/readers/me/events")]
    [InlineData("/api/moderation/readers/{readerId}")]
    [InlineData("/api/polls")]
    [InlineData("/api/polls/{pollId}/schedule")]
    [InlineData("/api/polls/{pollId}/timeline")]
    [InlineData("/api/polls/{pollId}/export")]
    [InlineData("/api/polls/{pollId}/signals")]
    [InlineData("/api/imports/batches")]
    [InlineData("/api/imports/audit")]
    [InlineData("/api/imports/polls")]
    [InlineData("/api/imports/polls/{pollId}/ballots")]
    [InlineData("/api/export")]
    [InlineData("/api/readers/me/export")]
    [InlineData("/api/readers/me")]
    public async Task The_openapi_document_describes_the_routes(string path)
    {
        var document = await OpenApiDocument.ReadAsync(silo);

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }

    [Theory]
    [InlineData("/api/webhooks", "post", "409")]
    [InlineData("/api/webhooks/{webhookId}", "delete", "404")]
    [InlineData("/api/webhooks/{webhookId}/deliveries", "get", "404")]
    [InlineData("/api/moderation/rules/words", "put", "409")]
    [InlineData("/api/moderation/rules/trust", "put", "409")]
    [InlineData("/api/imports/batches", "post", "403")]
    [InlineData("/api/imports/polls/{pollId}/ballots", "post", "404")]
    [InlineData("/api/readers/me", "delete", "503")]
    [InlineData("/api/moderation/readers/{readerId}", "delete", "503")]
    public async Task The_openapi_document_lists_the_problems_the_contract_names_for_a_route(string path, string method, string status)
    {
        var document = await OpenApiDocument.ReadAsync(silo);

        Assert.Contains(status, OpenApiDocument.Statuses(document, method, path));
    }

    [Theory]
    [InlineData("/api/moderation/queue")]
    [InlineData("/api/moderation/audit")]
    [InlineData("/api/articles/{articleId}/comments")]
    public async Task The_openapi_document_says_a_cursor_is_sent_back_unchanged(string path)
    {
        var document = await OpenApiDocument.ReadAsync(silo);

        var cursor = OpenApiDocument.Operation(document, "get", path).GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "cursor");
        Assert.Contains("sent back unchanged", cursor.GetProperty("description").GetString());
    }
}
