using System.Text.Json;
using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>A reader's export and erasure from the command line, against the real API.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ReadersCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task A_reader_exports_their_comment_to_a_file_then_erases_themselves_the_export_comes_back_empty_and_the_audit_names_the_reader_as_the_eraser()
    {
        var readerId = ServiceFixture.Fresh("client-erasee");
        var token = service.Mint(readerId);
        var article = ServiceFixture.Fresh("client-rights");
        var posted = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", token);
        Assert.True(posted.ExitCode == 0, posted.Output);
        var file = Path.Combine(Path.GetTempPath(), ServiceFixture.Fresh("export") + ".json");
        try
        {
            var export = await service.RunAsync("readers", "export", "--output", file, "--token", token);
            var unconfirmed = await service.RunAsync("readers", "erase", "--token", token);
            var erase = await service.RunAsync("readers", "erase", "--yes", "--token", token);
            var after = await service.RunAsync("readers", "export", "--token", token);

            Assert.True(export.ExitCode == 0, export.Output);
            var exported = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            Assert.Equal(readerId, exported.GetProperty("readerId").GetString());
            Assert.Equal(Texts.Civil, Assert.Single(exported.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());
            Assert.NotEqual(0, unconfirmed.ExitCode);
            Assert.True(erase.ExitCode == 0, erase.Output);
            Assert.Contains("Erased you.", erase.Output);
            Assert.Equal(0, JsonDocument.Parse(after.Output).RootElement.GetProperty("comments").GetArrayLength());
            var commentId = posted.Output.Split(' ')[1];
            var audit = await service.RunAsync("moderate", "audit", "--comment", commentId, "--token", service.Mint("audit-reader", "moderator"));
            Assert.True(audit.ExitCode == 0, audit.Output);
            Assert.Contains($"(reader)   erase    {commentId}  published -> deleted", audit.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_reader_is_refused_erasing_another_reader_with_403()
    {
        var reader = service.Mint(ServiceFixture.Fresh("plain-reader"));

        var refused = await service.RunAsync("readers", "erase", ServiceFixture.Fresh("someone"), "--yes", "--token", reader);

        Assert.Equal(ClientHost.ServiceRefused, refused.ExitCode);
        Assert.Contains("403", refused.Output);
    }
}
