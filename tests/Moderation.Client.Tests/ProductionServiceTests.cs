using System.Security.Cryptography;
using System.Text.Json;
using Moderation.Client.Http;
using Moderation.Client.Load;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>A service in Production hands out no development tokens: the client says to sign them, and signed ones work.</summary>
public sealed class ProductionServiceTests : IAsyncLifetime
{
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private SiloFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new SiloFactory(settings: new Dictionary<string, string?> { ["environment"] = "Production", ["Auth:SigningKey"] = _key });
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Fact]
    public async Task Token_without_a_signing_key_explains_what_to_do()
    {
        var result = await Cli.RunAsync(_ => _factory.Server.CreateHandler(), "token", "--subject", "alice");

        Assert.Equal(ClientHost.ServiceRefused, result.ExitCode);
        Assert.Contains("not running in Development", result.Output);
        Assert.Contains("--signing-key", result.Output);
    }

    [Fact]
    public async Task Load_votes_signs_its_own_reader_tokens()
    {
        var result = await Cli.RunAsync(_ => _factory.Server.CreateHandler(),
            "load", "votes", "--create-poll", "-n", "4", "--voters", "12", "-d", "20s", "--signing-key", _key, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(12, figures.Requests);
        Assert.True(figures.Check!.Match);
    }
}
