using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Client.Model;

var root = new RootCommand("moderation: command-line client of the Moderation service");
root.Subcommands.Add(ModelCommands.Create());
ClientCommands.AddTo(root, ClientHost.Default);
return await root.Parse(args).InvokeAsync();
