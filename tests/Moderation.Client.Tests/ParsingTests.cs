using Moderation.Client.Http;

namespace Moderation.Client.Tests;

public sealed class ParsingTests
{
    [Fact]
    public async Task Help_lists_each_command_with_one_line()
    {
        var result = await Cli.RunAsync(_ => throw new InvalidOperationException(), "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "polls", "comments", "articles", "moderate", "model", "load", "health", "token" })
        {
            var line = result.Output.Split('\n').SingleOrDefault(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
            Assert.True(line is not null && line.Trim().Length > command.Length + 10, $"No one-line description of {command} in:\n{result.Output}");
        }

        Assert.Contains("--url", result.Output);
        Assert.Contains("--token", result.Output);
    }

    [Fact]
    public async Task Help_never_prints_the_token_from_the_environment()
    {
        Environment.SetEnvironmentVariable(ClientOptions.TokenVariable, "secret-token-value");
        try
        {
            var result = await Cli.RunAsync(_ => throw new InvalidOperationException(), "polls", "vote", "--help");
            Assert.Contains("--token", result.Output);
            Assert.DoesNotContain("secret-token-value", result.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClientOptions.TokenVariable, null);
        }
    }

    [Fact]
    public void Load_votes_reads_its_settings_and_repeated_urls()
    {
        var parse = Cli.Parse("load", "votes", "--poll", "p1", "-n", "5", "-d", "3s", "--requests", "100", "--repeat", "2", "--voters", "40",
            "--url", "http://127.0.0.1:5081", "--url", "http://127.0.0.1:5082/", "--token", "abc", "--json");

        Assert.Empty(parse.Errors);
        Assert.Equal([new Uri("http://127.0.0.1:5081"), new Uri("http://127.0.0.1:5082/")], parse.GetValue(ClientOptions.Url)!);
        Assert.Equal("abc", ClientOptions.TokenFrom(parse));
        Assert.Equal("p1", parse.GetValue<string?>("--poll"));
        Assert.Equal(5, parse.GetValue<int>("--readers"));
        Assert.Equal(TimeSpan.FromSeconds(3), parse.GetValue<TimeSpan>("--duration"));
        Assert.Equal(100, parse.GetValue<long?>("--requests"));
        Assert.Equal(2, parse.GetValue<int>("--repeat"));
        Assert.Equal(40, parse.GetValue<int?>("--voters"));
        Assert.True(parse.GetValue<bool>("--json"));
    }

    [Fact]
    public void Moderation_and_article_commands_read_their_options()
    {
        var settings = Cli.Parse("articles", "settings", "a1", "--comments-open", "false", "--hold-threshold", "0.7");
        var reject = Cli.Parse("moderate", "reject", "c1", "--reason", "off-topic", "--note", "not about the bridge", "--revision", "4");
        var queue = Cli.Parse("moderate", "queue");
        var load = Cli.Parse("load", "comments", "-n", "3", "--article", "a", "--article", "b", "--interval", "0", "--with-baseline");

        Assert.Empty(settings.Errors);
        Assert.False(settings.GetValue<bool?>("--comments-open"));
        Assert.Null(settings.GetValue<bool?>("--premoderation"));
        Assert.Equal(0.7, settings.GetValue<double?>("--hold-threshold"));
        Assert.Empty(reject.Errors);
        Assert.Equal("off-topic", reject.GetValue<string>("--reason"));
        Assert.Equal(4, reject.GetValue<long?>("--revision"));
        Assert.Equal("pending", queue.GetValue<string>("--state"));
        Assert.Equal("score", queue.GetValue<string>("--sort"));
        Assert.Empty(load.Errors);
        Assert.Equal(["a", "b"], load.GetValue<string[]>("--article")!);
        Assert.Equal(TimeSpan.Zero, load.GetValue<TimeSpan>("--interval"));
        Assert.Equal(TimeSpan.FromSeconds(3), Cli.Parse("load", "comments").GetValue<TimeSpan>("--interval"));
        Assert.True(load.GetValue<bool>("--with-baseline"));
    }

    [Fact]
    public async Task Every_command_has_a_one_line_description()
    {
        var root = Cli.Root(Cli.Host(TextWriter.Null, _ => throw new InvalidOperationException()));
        var commands = root.Subcommands.SelectMany(group => group.Subcommands.Prepend(group)).ToList();

        Assert.True(commands.Count > 40, $"{commands.Count} commands");
        Assert.All(commands, command => Assert.False(string.IsNullOrWhiteSpace(command.Description) || command.Description.Contains('\n'), command.Name));
        var moderate = await Cli.RunAsync(_ => throw new InvalidOperationException(), "moderate", "--help");
        foreach (var name in new[] { "queue", "approve", "reject", "review", "ban", "unban", "audit" })
        {
            Assert.Contains(moderate.Output.Split('\n'), line => line.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Global_options_may_come_before_the_command()
    {
        var parse = Cli.Parse("--url", "http://localhost:9000", "--token", "t", "load", "baseline");

        Assert.Empty(parse.Errors);
        Assert.Equal([new Uri("http://localhost:9000")], parse.GetValue(ClientOptions.Url)!);
        Assert.Equal(16, parse.GetValue<int>("--readers"));
        Assert.Equal(TimeSpan.FromSeconds(10), parse.GetValue<TimeSpan>("--duration"));
        Assert.Null(parse.GetValue<long?>("--requests"));
    }

    [Fact]
    public void Url_and_token_default_to_the_environment()
    {
        Environment.SetEnvironmentVariable(ClientOptions.UrlVariable, "http://10.0.0.5:5080");
        Environment.SetEnvironmentVariable(ClientOptions.TokenVariable, "from-env");
        try
        {
            var parse = Cli.Parse("health");
            Assert.Equal([new Uri("http://10.0.0.5:5080")], parse.GetValue(ClientOptions.Url)!);
            Assert.Equal("from-env", ClientOptions.TokenFrom(parse));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClientOptions.UrlVariable, null);
            Environment.SetEnvironmentVariable(ClientOptions.TokenVariable, null);
        }

        var fallback = Cli.Parse("health");
        Assert.Equal([new Uri(ClientOptions.DefaultUrl)], fallback.GetValue(ClientOptions.Url)!);
        Assert.Null(ClientOptions.TokenFrom(fallback));
    }

    [Theory]
    [InlineData("load votes --duration 5s", "Give either --poll ID or --create-poll.")]
    [InlineData("load votes --poll p --create-poll", "Give either --poll ID or --create-poll.")]
    [InlineData("load baseline --duration soon", "is not a positive duration")]
    [InlineData("load baseline --duration 0", "is not a positive duration")]
    [InlineData("load baseline --readers 0", "--readers must be 1 to 10000.")]
    [InlineData("load baseline --requests 0", "--requests must be positive.")]
    [InlineData("load votes --create-poll --options 11", "--options must be 2 to 10.")]
    [InlineData("load results", "--poll")]
    [InlineData("health --url ftp://example.org", "'ftp://example.org' is not an absolute http or https URL.")]
    [InlineData("token --subject alice --role owner", "owner")]
    [InlineData("token --subject alice --signing-key c2hvcnQ=", "decodes to 5 bytes")]
    [InlineData("token --role editor", "--subject")]
    [InlineData("polls create a1 --question Q", "--option")]
    [InlineData("polls create a1 --question Q --kind wrong -o A -o B", "wrong")]
    [InlineData("polls create a1 --question Q --visibility later -o A -o B", "later")]
    [InlineData("polls watch p1 --seconds -1", "--seconds must be positive.")]
    [InlineData("comments report c1 --reason rude", "rude")]
    [InlineData("comments report c1", "--reason")]
    [InlineData("comments list a1 --limit 0", "--limit must be 1 to 100.")]
    [InlineData("comments list a1 --sort best", "best")]
    [InlineData("comments post a1", "Required argument missing")]
    [InlineData("moderate reject c1 --revision 2", "--reason")]
    [InlineData("moderate reject c1 --reason ugly", "ugly")]
    [InlineData("moderate approve c1 --revision 0", "--revision must be positive.")]
    [InlineData("moderate queue --state held", "held")]
    [InlineData("moderate review --sort best", "best")]
    [InlineData("moderate ban r1", "--reason")]
    [InlineData("articles settings a1", "Name at least one of --comments-open, --premoderation, --hold-threshold, --new-reader-comments, --link-approved-comments, --recent-rejections and --site-trust.")]
    [InlineData("articles settings a1 --comments-open maybe", "maybe")]
    [InlineData("load comments --interval soon", "is not a duration")]
    [InlineData("load comments --abusive-share 2", "--abusive-share must be 0 to 1.")]
    [InlineData("load comments --articles 0", "--articles must be 1 to 1000.")]
    public void Invalid_arguments_are_refused_with_a_reason(string line, string expected)
    {
        var parse = Cli.Parse(line.Split(' '));

        Assert.Contains(parse.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_arguments_exit_with_3_as_the_readme_says()
    {
        var result = await Cli.RunAsync(_ => throw new InvalidOperationException(), "load", "baseline", "--readers", "0");

        Assert.Equal(ClientHost.InvalidUse, result.ExitCode);
        Assert.Contains("--readers must be 1 to 10000.", result.Output);
    }

    [Theory]
    [InlineData("polls bogus")]
    [InlineData("polls create")]
    [InlineData("polls show abc --no-such-option")]
    public async Task An_unknown_command_a_missing_argument_or_an_unknown_option_exits_with_3(string line)
    {
        var result = await Cli.RunAsync(_ => throw new InvalidOperationException("Nothing is sent."), line.Split(' '));

        Assert.Equal(ClientHost.InvalidUse, result.ExitCode);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30", 30)]
    [InlineData("30s", 30)]
    [InlineData("1.5s", 1.5)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    [InlineData("00:01:30", 90)]
    public void Durations_read_as_people_type_them(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }
}
