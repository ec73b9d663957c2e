using System.CommandLine;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Tests;

public sealed record CliResult(int ExitCode, string Output);

/// <summary>Runs the client's commands as the program does, with a plain, wide console captured in a string.</summary>
internal static class Cli
{
    public static RootCommand Root(ClientHost host) => ClientProgram.Root(host);

    public static ClientHost Host(TextWriter output, Func<Uri, HttpMessageHandler> handlers)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return new ClientHost(console, handlers);
    }

    public static ParseResult Parse(params string[] args) =>
        Root(Host(TextWriter.Null, _ => throw new InvalidOperationException("Parsing sends nothing."))).Parse(args);

    public static async Task<CliResult> RunAsync(Func<Uri, HttpMessageHandler> handlers, params string[] args)
    {
        var output = new StringWriter();
        var root = Root(Host(output, handlers));
        var exit = await ClientProgram.RunAsync(root, args, new InvocationConfiguration { Output = output, Error = output });
        return new CliResult(exit, output.ToString());
    }
}
