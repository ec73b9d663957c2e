using System.CommandLine;
using System.Text.Json;
using Moderation.Client.Http;
using Moderation.Http.Polls;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Moderation.Client.Load;

/// <summary>
/// The <c>load</c> command group: N virtual readers for a duration against one or more base URLs, with a live
/// progress display and, at the end, throughput, latency percentiles and errors by status code.
/// </summary>
public static class LoadCommands
{
    /// <summary>Exit code of <c>load votes</c> when the results do not equal the acknowledged votes.</summary>
    public const int Mismatch = 5;

    private static readonly TimeSpan CheckPatience = TimeSpan.FromSeconds(2);

    public static Command Create(ClientHost host)
    {
        var load = new Command("load", "Generate load (votes, comments, results reads, a health baseline) and measure it");
        load.Subcommands.Add(Votes(host));
        load.Subcommands.Add(CommentLoad.Create(host));
        load.Subcommands.Add(Results(host));
        load.Subcommands.Add(Baseline(host));
        load.Subcommands.Add(Compare(host));
        load.Subcommands.Add(Listeners(host));
        return load;
    }

    private static Command Votes(ClientHost host)
    {
        var options = new LoadOptions();
        var votes = new VoteOptions();
        var command = new Command("votes", "Distinct readers vote (and optionally repeat their vote); then check the results equal the acknowledged votes");
        options.AddTo(command);
        votes.AddTo(command);
        command.Validators.Add(votes.RequirePoll);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var figures = await RunVotesAsync(host, settings, votes.Read(parse), cancellationToken);
            Report(host, settings, figures);
            return figures.Check is { Match: true, UnexpectedOutcomes: 0 } ? 0 : Mismatch;
        }));
        return command;
    }

    private static Command Results(ClientHost host)
    {
        var options = new LoadOptions();
        var poll = new Option<string>("--poll") { Description = "The poll whose results to read", Required = true };
        var command = new Command("results", "Readers read a poll's results (GET /api/polls/{id}/results) as fast as they can");
        options.AddTo(command);
        command.Options.Add(poll);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var pollId = parse.GetValue(poll)!;
            var figures = await RunAsync(host, settings, "results", service => async ct =>
            {
                await service.GetResultsAsync(pollId, ct);
                return true;
            }, cancellationToken);
            Report(host, settings, figures);
            return 0;
        }));
        return command;
    }

    private static Command Baseline(ClientHost host)
    {
        var options = new LoadOptions();
        var command = new Command("baseline", "Readers call GET /health/live: the floor that other runs are compared with");
        options.AddTo(command);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var figures = await RunBaselineAsync(host, settings, cancellationToken);
            Report(host, settings, figures);
            return 0;
        }));
        return command;
    }

    private static Command Compare(ClientHost host)
    {
        var options = new LoadOptions();
        var votes = new VoteOptions();
        var command = new Command("compare", "Run baseline, then votes with the same settings, and print the ratios (a fresh poll unless --poll)");
        options.AddTo(command);
        votes.AddTo(command);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var voteSettings = votes.Read(parse);
            voteSettings = voteSettings with { CreatePoll = voteSettings.PollId is null };
            var baseline = await RunBaselineAsync(host, settings, cancellationToken);
            Report(host, settings, baseline, quiet: settings.Json);
            var voting = await RunVotesAsync(host, settings, voteSettings, cancellationToken);
            Report(host, settings, voting, quiet: settings.Json);
            var comparison = new LoadComparison(baseline, voting);
            if (settings.Json)
            {
                await host.Out.WriteLineAsync(JsonSerializer.Serialize(comparison, LoadFigures.JsonOptions));
            }
            else
            {
                comparison.Write(host.Console);
            }

            return voting.Check is { Match: true, UnexpectedOutcomes: 0 } ? 0 : Mismatch;
        }));
        return command;
    }

    private static Command Listeners(ClientHost host)
    {
        var options = new LoadOptions();
        var poll = new Option<string?>("--poll") { Description = "The poll to listen to (default: a fresh one)" };
        var votes = new Option<int>("--votes") { Description = "Votes to cast, one at a time", DefaultValueFactory = _ => 10 };
        var spacing = new Option<TimeSpan>("--spacing")
        {
            Description = "Pause after each vote, longer than the results' publication interval",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
            CustomParser = DurationParser.Parse,
        };
        var siloPid = new Option<int?>("--silo-pid")
        {
            Description = "The service's process on this machine: report its CPU during the votes and its memory per listener",
        };
        var command = new Command("listeners", "N listeners (-n) hold a poll's event stream; measure how long each vote takes to reach all of them");
        options.AddTo(command);
        command.Options.Add(poll);
        command.Options.Add(votes);
        command.Options.Add(spacing);
        command.Options.Add(siloPid);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            using var setupClient = host.CreateHttpClient(settings.Urls[0], settings.RequestTimeout);
            var setup = new ModerationApi(setupClient);
            var tokens = new ReaderTokens(settings, setup);
            var pollId = parse.GetValue(poll);
            if (pollId is null)
            {
                var editor = setup.WithToken(await tokens.EditorAsync(cancellationToken));
                pollId = (await editor.CreatePollAsync($"load-{tokens.RunId}", new CreatePollRequest("Fan-out test: which option?", ["Yes", "No"]), cancellationToken)).Id;
            }

            var optionId = (await setup.GetPollAsync(pollId, cancellationToken)).Options[0].Id;
            var voterTokens = await tokens.ReadersAsync(parse.GetValue(votes), cancellationToken);
            Say(host, settings, $"{settings.Readers:N0} listener(s) on poll {Markup.Escape(pollId)}, {voterTokens.Length} vote(s) " +
                $"{parse.GetValue(spacing).TotalMilliseconds:N0} to {(parse.GetValue(spacing) + FanOutScenario.PhaseJitter).TotalMilliseconds:N0} ms apart...");
            var silo = parse.GetValue(siloPid) is { } pid ? new ServiceProcess(pid) : null;
            var figures = await new FanOutScenario(host, settings, pollId, silo).RunAsync(voterTokens, optionId, parse.GetValue(spacing), cancellationToken);
            if (settings.Json)
            {
                await host.Out.WriteLineAsync(JsonSerializer.Serialize(figures, LoadFigures.JsonOptions));
            }
            else
            {
                var table = new Table().AddColumns("Listeners", "Votes", "Deliveries", "Missing", "p50 ms", "p90 ms", "p99 ms", "max ms");
                table.AddRow($"{figures.Listeners:N0}", $"{figures.Votes}", $"{figures.Deliveries:N0}", $"{figures.Missing:N0}",
                    $"{figures.P50Ms:N1}", $"{figures.P90Ms:N1}", $"{figures.P99Ms:N1}", $"{figures.MaxMs:N1}");
                host.Console.Write(table);
                FanOutReport.Write(host.Console, figures);
            }

            return figures.Missing == 0 ? 0 : Mismatch;
        }));
        return command;
    }

    internal static Task<LoadFigures> RunBaselineAsync(ClientHost host, LoadSettings settings, CancellationToken cancellationToken) =>
        RunAsync(host, settings, "baseline", service => async ct =>
        {
            await service.LiveAsync(ct);
            return true;
        }, cancellationToken);

    private static async Task<LoadFigures> RunVotesAsync(ClientHost host, LoadSettings settings, VoteSettings votes, CancellationToken cancellationToken)
    {
        using var setupClient = host.CreateHttpClient(settings.Urls[0], settings.RequestTimeout);
        var setup = new ModerationApi(setupClient);
        var tokens = new ReaderTokens(settings, setup);
        PollResponse[] polls;
        if (votes.CreatePoll)
        {
            var editor = setup.WithToken(await tokens.EditorAsync(cancellationToken));
            var request = new CreatePollRequest(
                $"Load test {tokens.RunId}: which option?",
                Enumerable.Range(1, votes.Options).Select(i => $"Option {i}").ToList());
            polls = new PollResponse[votes.Polls];
            await Parallel.ForAsync(0, votes.Polls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (index, ct) => polls[index] = await editor.CreatePollAsync(
                    votes.ArticleId ?? (votes.Polls == 1 ? $"load-{tokens.RunId}" : $"load-{tokens.RunId}-{index}"), request, ct));
            var poll = polls[0];
            Say(host, settings, votes.Polls == 1
                ? $"Created poll [bold]{Markup.Escape(poll.Id)}[/] with {poll.Options.Count} options on article {Markup.Escape(poll.ArticleId)}."
                : $"Created {votes.Polls:N0} polls with {poll.Options.Count} options each.");
        }
        else
        {
            polls = [await setup.GetPollAsync(votes.PollId!, cancellationToken)];
        }

        var voters = votes.Voters ?? settings.Readers;
        Say(host, settings, $"Minting {voters:N0} reader token(s) ({tokens.Describe()})...");
        var voterTokens = await tokens.ReadersAsync(voters, cancellationToken);
        var before = new PollResultsResponse[polls.Length];
        for (var index = 0; index < polls.Length; index++)
        {
            before[index] = await setup.GetResultsAsync(polls[index].Id, cancellationToken);
        }

        var scenario = new VoteScenario(polls, voterTokens, votes.Repeat);
        var figures = await RunAsync(host, settings, "votes", scenario.Reader, cancellationToken);
        if (figures.ElapsedSeconds < settings.Duration.TotalSeconds * 0.9 && settings.MaxRequests is null)
        {
            Say(host, settings, $"[yellow]Every voter had voted after {figures.ElapsedSeconds:0.##} s[/]: raise --voters or --repeat to load for the whole duration.");
        }

        var check = await scenario.CheckAsync(setup, before, CheckPatience, cancellationToken);
        return figures with { Check = check };
    }

    /// <summary>Builds one reader per slot over one client per base URL, runs them with a live display, and returns the figures.</summary>
    internal static Task<LoadFigures> RunAsync(
        ClientHost host, LoadSettings settings, string kind, Func<ModerationApi, ReaderStep> readerFor, CancellationToken cancellationToken) =>
        RunAsync(host, settings, kind, (service, _) => readerFor(service), null, cancellationToken);

    /// <param name="readerFor">The loop of reader i, given the service at its base URL and i.</param>
    /// <param name="paces">Reader i's pauses between requests, or null for none.</param>
    internal static async Task<LoadFigures> RunAsync(
        ClientHost host, LoadSettings settings, string kind, Func<ModerationApi, int, ReaderStep> readerFor, IReadOnlyList<ReaderPace>? paces,
        CancellationToken cancellationToken)
    {
        var clients = settings.Urls.Select(url => host.CreateHttpClient(url, settings.RequestTimeout)).ToList();
        try
        {
            var services = clients.Select(client => new ModerationApi(client)).ToList();
            var readers = Enumerable.Range(0, settings.Readers).Select(index => readerFor(services[index % services.Count], index)).ToList();
            var run = new LoadRun(settings);
            Say(host, settings, $"load {kind}: {settings.Readers} reader(s) for {settings.Duration.TotalSeconds:0.##} s" +
                (settings.MaxRequests is { } cap ? $" or {cap:N0} requests" : "") + $" against {Markup.Escape(string.Join(", ", settings.Urls))}");
            var running = run.RunAsync(kind, readers, cancellationToken, paces);
            if (!settings.Json && host.Console.Profile.Capabilities.Interactive)
            {
                await host.Console.Live(Progress(kind, settings, run)).StartAsync(async live =>
                {
                    while (!running.IsCompleted)
                    {
                        await Task.WhenAny(running, Task.Delay(250, CancellationToken.None));
                        live.UpdateTarget(Progress(kind, settings, run));
                    }
                });
            }

            return await running;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static IRenderable Progress(string kind, LoadSettings settings, LoadRun run)
    {
        var elapsed = run.Elapsed.TotalSeconds;
        var rate = elapsed > 0 ? run.Completed / elapsed : 0;
        var errors = run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value:N0}"));
        var done = Math.Min(1, elapsed / settings.Duration.TotalSeconds);
        var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
        var limited = run.RateLimited > 0 ? $"  rate limited (429): {run.RateLimited:N0}" : "";
        return new Markup($"[bold]load {kind}[/] [[{bar}]] {elapsed:0.0}/{settings.Duration.TotalSeconds:0.#} s  {run.Completed:N0} requests  {rate:N0}/s\nerrors: {Markup.Escape(errors)}{limited}");
    }

    internal static void Report(ClientHost host, LoadSettings settings, LoadFigures figures, bool quiet = false)
    {
        if (quiet)
        {
            return;
        }

        if (settings.Json)
        {
            host.Out.WriteLine(figures.ToJson());
            return;
        }

        host.Console.Write(figures.ToTable());
        figures.Check?.Write(host.Console);
        figures.Comments?.Write(host.Console);
    }

    internal static void Say(ClientHost host, LoadSettings settings, string markup)
    {
        if (!settings.Json)
        {
            host.Console.MarkupLine(markup);
        }
    }
}
