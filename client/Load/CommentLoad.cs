using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Load;

/// <summary>
/// <c>load comments</c>: N virtual readers, each its own author, post comments to one or more articles for the duration.
/// The service lets one reader post once per <c>Comments:PostInterval</c> (3 s by default), so each reader waits
/// <c>--interval</c> between posts; 429s are counted apart from errors. At the end, a check that each article's published
/// count grew by the posts acknowledged as published.
/// </summary>
internal static class CommentLoad
{
    public static Command Create(ClientHost host)
    {
        var options = new LoadOptions();
        var articles = new Option<string[]>("--article")
        {
            Description = "An article to comment on (repeatable; readers are spread over them). Default: fresh ones, see --articles",
            Arity = ArgumentArity.OneOrMore,
        };
        var freshArticles = new Option<int>("--articles")
        {
            Description = "How many fresh articles to spread the readers over, when no --article is given",
            DefaultValueFactory = _ => 1,
            Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError("--articles must be 1 to 1000."); } } },
        };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "Pause between one reader's posts: the service's Comments:PostInterval (0 for a service configured without one)",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(3),
            CustomParser = ParseInterval,
        };
        var abusive = new Option<double>("--abusive-share")
        {
            Description = "Share of posts (0 to 1) that are abusive, for the filter to hold",
            DefaultValueFactory = _ => 0,
            Validators = { r => { if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN) { r.AddError("--abusive-share must be 0 to 1."); } } },
        };
        var withBaseline = new Option<bool>("--with-baseline") { Description = "Run the baseline first with the same settings and print the ratios" };

        var command = new Command("comments", "Readers, each its own author, post comments to one or more articles; then check the published counts");
        options.AddTo(command);
        command.Options.Add(articles);
        command.Options.Add(freshArticles);
        command.Options.Add(interval);
        command.Options.Add(abusive);
        command.Options.Add(withBaseline);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var baseline = parse.GetValue(withBaseline) ? await LoadCommands.RunBaselineAsync(host, settings, cancellationToken) : null;
            if (baseline is not null)
            {
                LoadCommands.Report(host, settings, baseline, quiet: settings.Json);
            }

            using var setupClient = host.CreateHttpClient(settings.Urls[0], settings.RequestTimeout);
            var setup = new ModerationApi(setupClient);
            var tokens = new ReaderTokens(settings, setup);
            IReadOnlyList<string> targets = parse.GetValue(articles) is { Length: > 0 } given
                ? [.. given.Distinct(StringComparer.Ordinal)]
                : [.. Enumerable.Range(1, parse.GetValue(freshArticles)).Select(i => $"load-{tokens.RunId}-a{i}")];
            LoadCommands.Say(host, settings, $"Minting {settings.Readers:N0} author token(s) ({tokens.Describe()}); posting to {targets.Count} article(s), " +
                $"one post per reader every {parse.GetValue(interval).TotalSeconds:0.###} s...");
            var authorTokens = await tokens.ReadersAsync(settings.Readers, cancellationToken);
            var scenario = new CommentScenario(targets, authorTokens, parse.GetValue(interval), parse.GetValue(abusive), tokens.RunId);
            var before = await scenario.CountsAsync(setup, cancellationToken);
            var figures = await LoadCommands.RunAsync(host, settings, "comments", scenario.Reader, scenario.Paces, cancellationToken);
            var check = scenario.Check(before, await scenario.CountsAsync(setup, cancellationToken));
            figures = figures with { Comments = check };
            LoadCommands.Report(host, settings, figures, quiet: baseline is not null && settings.Json);
            if (baseline is not null)
            {
                var comparison = new LoadComparison(baseline, figures);
                if (settings.Json)
                {
                    await host.Out.WriteLineAsync(JsonSerializer.Serialize(comparison, LoadFigures.JsonOptions));
                }
                else
                {
                    comparison.Write(host.Console);
                }
            }

            return check.Match ? 0 : LoadCommands.Mismatch;
        }));
        return command;
    }

    /// <summary>Like other durations, but zero is allowed: no pause.</summary>
    private static TimeSpan ParseInterval(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (DurationParser.TryParse(text, out var interval) && interval >= TimeSpan.Zero)
        {
            return interval;
        }

        result.AddError($"'{text}' is not a duration: use for example 0, 500ms, 3s or 1m.");
        return TimeSpan.Zero;
    }
}
