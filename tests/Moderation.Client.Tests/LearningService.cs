using System.Globalization;
using System.Security.Cryptography;
using Moderation.Client.Operators;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>
/// A service of its own for the learning-loop commands: a retrain promotes models, which must not change what the
/// other client tests' comments score. Write limits are off so a simulation can post back to back.
/// </summary>
public sealed class LearningService : IAsyncLifetime
{
    public LearningService()
    {
        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        Factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = SigningKey,
            ["RateLimits:Enabled"] = "false",
        });
        Directory = TestDirectories.Create("client-learning");
    }

    public string SigningKey { get; }

    public SiloFactory Factory { get; }

    /// <summary>Where the tests write their CSV files.</summary>
    public string Directory { get; }

    public string Moderator => new TokenMinter(SigningKey).Mint("learning-mod", "Learning Mod", ["moderator"]);

    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(_ => Factory.Server.CreateHandler(), args);

    /// <summary>
    /// A site whose moderators reject polite advertising and approve blunt political criticism: the shipped model ranks
    /// them the other way round, and only the site's labels can teach it. Every comment is different.
    /// </summary>
    public string WriteSpamSite(string name, int rows, int seed)
    {
        string[] topics = ["bridge repairs", "school budget", "bus routes", "housing plan", "council vote", "harbour project", "library hours"];
        string[] opinions = ["is long overdue", "costs too much", "was explained well here", "needs a public hearing", "deserves more coverage"];
        string[] offers = ["cheap watches", "crypto signals", "weight loss pills", "casino bonus", "replica handbags"];
        string[] sites = ["bestdeals", "megasale", "winbig", "promo4u", "luckyclub"];
        var random = new Random(seed);
        var path = Path.Combine(Directory, name);
        using var writer = new StreamWriter(path);
        writer.WriteLine("text,toxic");
        for (var i = 0; i < rows; i++)
        {
            var spam = random.Next(3) == 0;
            var text = spam
                ? $"Lovely article, thank you! Get {offers[random.Next(offers.Length)]} at {sites[random.Next(sites.Length)]} dot com, code {name}{i} today"
                : $"The {topics[random.Next(topics.Length)]} {opinions[random.Next(opinions.Length)]}, the councillors behind it are clueless clowns, says reader {i} of {name}";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{text}\",{(spam ? 1 : 0)}"));
        }

        return path;
    }

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Directory);
    }
}
