using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>
/// The <c>rules words</c> commands against the real service. The lists are site-wide, so these tests use made-up words
/// that no other test posts.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class RulesCommandTests(ServiceFixture service) : IDisposable
{
    private readonly string _editor = service.Mint("client-editor", "editor");
    private readonly string _folder = Directory.CreateTempSubdirectory("moderation-rules-").FullName;

    [Fact]
    public async Task Set_replaces_a_list_from_a_file_keeps_the_other_and_get_writes_both_back()
    {
        var banned = Path.Combine(_folder, "banned.txt");
        var suspect = Path.Combine(_folder, "suspect.txt");
        await File.WriteAllLinesAsync(banned, ["# site rules", "snorgleblat", "", "  buy snorgles  "]);
        await File.WriteAllLinesAsync(suspect, ["quibblewump"]);
        await service.RunAsync("rules", "words", "set", "--banned-file", banned, "--suspect-file", suspect, "--token", _editor);
        await File.WriteAllLinesAsync(suspect, ["quibblewump", "flinderjack"]);

        var set = await service.RunAsync("rules", "words", "set", "--suspect-file", suspect, "--token", _editor);
        var shown = await service.RunAsync("rules", "words", "get", "--token", _editor);
        var bannedOut = Path.Combine(_folder, "banned-out.txt");
        var written = await service.RunAsync("rules", "words", "get", "--banned-file", bannedOut, "--token", _editor);

        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Contains(": 2 banned, 2 suspect.", set.Output);
        Assert.Contains("by client-editor", set.Output);
        Assert.Contains("  snorgleblat", shown.Output);
        Assert.Contains("  buy snorgles", shown.Output);
        Assert.Contains("  flinderjack", shown.Output);
        Assert.True(written.ExitCode == 0, written.Output);
        Assert.Equal(["snorgleblat", "buy snorgles"], await File.ReadAllLinesAsync(bannedOut));
        Assert.DoesNotContain("  snorgleblat", written.Output);
    }

    [Fact]
    public async Task An_invalid_list_is_refused_with_the_services_reason_a_reader_is_refused_and_set_needs_a_file()
    {
        var banned = Path.Combine(_folder, "invalid.txt");
        await File.WriteAllLinesAsync(banned, [new string('z', 101)]);

        var refused = await service.RunAsync("rules", "words", "set", "--banned-file", banned, "--token", _editor);
        var reader = await service.RunAsync("rules", "words", "get", "--token", service.Mint("client-plain-reader"));
        var nothingNamed = Cli.Parse("rules", "words", "set");

        Assert.Equal(ClientHost.ServiceRefused, refused.ExitCode);
        Assert.Contains("banned", refused.Output);
        Assert.Equal(ClientHost.ServiceRefused, reader.ExitCode);
        Assert.Contains(nothingNamed.Errors, error => error.Message.Contains("--banned-file"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
