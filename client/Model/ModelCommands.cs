using System.CommandLine;

namespace Moderation.Client.Model;

/// <summary>The <c>model</c> command group: train, evaluate and compare toxicity models.</summary>
public static class ModelCommands
{
    public static Command Create()
    {
        var model = new Command("model", "Train, evaluate and compare toxicity models");
        model.Subcommands.Add(TrainCommand.Create());
        model.Subcommands.Add(EvaluateCommand.Create());
        model.Subcommands.Add(ExperimentCommand.Create());
        return model;
    }
}
