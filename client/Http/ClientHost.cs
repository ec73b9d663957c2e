using System.CommandLine;
using System.Net;
using Spectre.Console;

namespace Moderation.Client.Http;

/// <summary>
/// What the service commands talk through: a console to write to and HTTP handlers to reach each base URL.
/// The program uses <see cref="Default"/>; tests pass their own console and an in-process server's handler.
/// </summary>
public sealed class ClientHost(IAnsiConsole console, Func<Uri, HttpMessageHandler> handlers)
{
    /// <summary>Exit code of a command whose request the service refused (its problem details are printed).</summary>
    public const int ServiceRefused = 1;

    /// <summary>Exit code of a command that could not reach the service.</summary>
    public const int Unreachable = 2;

    /// <summary>Exit code of a command whose arguments made no sense for what the service holds, or whose local files are missing or unusable.</summary>
    public const int InvalidUse = 3;

    public static ClientHost Default { get; } = new(StandardConsole(), _ => CreateSocketsHandler());

    public IAnsiConsole Console => console;

    /// <summary>Where machine-readable output (tokens, <c>--json</c>) goes, unwrapped and unstyled.</summary>
    public TextWriter Out => console.Profile.Out.Writer;

    /// <summary>A fresh client for one base URL; the caller disposes it.</summary>
    public HttpClient CreateHttpClient(Uri baseUrl, TimeSpan? timeout = null) =>
        new(handlers(baseUrl), disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(baseUrl),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };

    /// <summary>The API at the first <c>--url</c>, with the <c>--token</c> identity.</summary>
    public ModerationApi CreateApi(ParseResult parse, TimeSpan? timeout = null) =>
        new(CreateHttpClient(Urls(parse)[0], timeout), ClientOptions.TokenFrom(parse));

    public static IReadOnlyList<Uri> Urls(ParseResult parse) => parse.GetValue(ClientOptions.Url) is { Length: > 0 } urls ? urls : [new Uri(ClientOptions.DefaultUrl)];

    /// <summary>
    /// A command action that turns the service's refusals and unreachable servers into a readable message and an exit code,
    /// instead of a stack trace.
    /// </summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<ParseResult, CancellationToken, Task<int>> action) => async (parse, cancellationToken) =>
    {
        try
        {
            return await action(parse, cancellationToken);
        }
        catch (ProblemException problem)
        {
            console.MarkupLineInterpolated($"[red]The service refused:[/] {problem.Message}");
            return ServiceRefused;
        }
        catch (HttpRequestException unreachable)
        {
            console.MarkupLineInterpolated($"[red]Could not reach the service[/] at {string.Join(", ", Urls(parse))}: {unreachable.Message}");
            return Unreachable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            console.MarkupLineInterpolated($"[red]The service did not answer in time[/] at {string.Join(", ", Urls(parse))}.");
            return Unreachable;
        }
        catch (UsageException usage)
        {
            console.MarkupLineInterpolated($"[red]{usage.Message}[/]");
            return InvalidUse;
        }
        catch (Exception local) when (local is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            console.MarkupLineInterpolated($"[red]{local.Message}[/]");
            return InvalidUse;
        }
    };

    /// <summary>
    /// The terminal; when the output goes to a file or a pipe it has no width, and rather than wrap at 80 columns
    /// (splitting lines that scripts grep), lines run up to 250 characters.
    /// </summary>
    private static IAnsiConsole StandardConsole()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 250;
        }

        return console;
    }

    /// <summary>
    /// A handler for real sockets with no cap on connections, so each virtual reader of a load run has one
    /// rather than queueing behind the others (HTTP/1.1 carries one request at a time per connection).
    /// </summary>
    public static SocketsHttpHandler CreateSocketsHandler() => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
    };

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/" + url.Query);
}

/// <summary>A request the user made that cannot be carried out as asked (for example an option that the poll does not have).</summary>
public sealed class UsageException(string message) : Exception(message);
