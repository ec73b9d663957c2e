using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Model;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model retrain</c>: asks the service to learn from its labels, follows the job and prints its report.</summary>
internal static class RetrainCommand
{
    public static Command Create(ClientHost host)
    {
        var noWait = new Option<bool>("--no-wait") { Description = "Print the job and return at once instead of following it" };
        var command = new Command("retrain", "Retrain the service's model on its labels; the candidate is promoted only if better on held-out labels (moderator, editor)");
        command.Options.Add(noWait);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var (job, alreadyRunning) = await api.StartRetrainAsync(cancellationToken);
            if (alreadyRunning)
            {
                host.Console.MarkupLineInterpolated($"A retrain is already {job.Status}: [bold]{job.Id}[/]");
            }
            else
            {
                host.Console.MarkupLineInterpolated($"Retrain [bold]{job.Id}[/] {job.Status}");
            }
            if (parse.GetValue(noWait))
            {
                return 0;
            }

            var finished = await api.WaitForRetrainAsync(job.Id, change => RetrainOutput.Progress(host.Console, change), TimeSpan.FromSeconds(1), cancellationToken);
            RetrainOutput.Report(host.Console, finished);
            return finished.Status == "succeeded" ? 0 : ClientHost.ServiceRefused;
        }));
        return command;
    }
}
