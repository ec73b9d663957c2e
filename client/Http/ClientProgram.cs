using System.CommandLine;

namespace Moderation.Client.Http;

/// <summary>The program as it runs: every command on a root, and arguments that do not parse exiting with <see cref="ClientHost.InvalidUse"/>.</summary>
public static class ClientProgram
{
    public static RootCommand Root(ClientHost host)
    {
        var root = new RootCommand("moderation: command-line client of the Moderation service");
        ClientCommands.AddTo(root, host);
        return root;
    }

    /// <summary>Runs the command the arguments name; a parse error prints its reasons and the help, as System.CommandLine does.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = root.Parse(args);
        var exit = await parse.InvokeAsync(configuration);
        return parse.Errors.Count > 0 ? ClientHost.InvalidUse : exit;
    }
}
