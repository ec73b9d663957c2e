using System.CommandLine;
using Moderation.Client.Http;

var root = new RootCommand("moderation: command-line client of the Moderation service");
ClientCommands.AddTo(root, ClientHost.Default);
return await root.Parse(args).InvokeAsync();
