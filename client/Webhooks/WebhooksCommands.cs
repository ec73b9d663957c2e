using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Webhooks;
using Spectre.Console;

namespace Moderation.Client.Webhooks;

/// <summary>The <c>webhooks</c> command group: where the service posts its events, signed (editors).</summary>
public static class WebhooksCommands
{
    public static Command Create(ClientHost host)
    {
        var webhooks = new Command("webhooks", "Where the service posts its events, signed with a secret (editors)");
        webhooks.Subcommands.Add(Add(host));
        webhooks.Subcommands.Add(List(host));
        webhooks.Subcommands.Add(Remove(host));
        webhooks.Subcommands.Add(Deliveries(host));
        return webhooks;
    }

    private static Command Add(ClientHost host)
    {
        var url = new Argument<string>("url") { Description = "The receiver's http or https URL" };
        var events = new Option<string[]>("--event", "-e")
        {
            Description = "An event to deliver (repeat): comment.published, comment.held, comment.approved, comment.rejected, comment.reported, reader.banned, poll.closed",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var secret = new Option<string>("--secret")
        {
            Description = "The signing secret, 16 to 256 characters (or MODERATION_WEBHOOK_SECRET); it is never shown again",
        };
        var command = new Command("add", "Register a webhook") { url, events, secret };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var key = parse.GetValue(secret) ?? Environment.GetEnvironmentVariable("MODERATION_WEBHOOK_SECRET");
            var hook = await api.AddWebhookAsync(new WebhookRequest(parse.GetValue(url), [.. parse.GetValue(events)!], key), cancellationToken);
            host.Console.WriteLine($"Webhook {hook.Id} registered: {hook.Url} gets {string.Join(", ", hook.Events)}.");
            return 0;
        }));
        return command;
    }

    private static Command List(ClientHost host)
    {
        var command = new Command("list", "The registered webhooks, without their secrets");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var hooks = await api.ListWebhooksAsync(cancellationToken);
            if (hooks.Items.Count == 0)
            {
                host.Console.WriteLine("No webhooks.");
            }

            foreach (var hook in hooks.Items)
            {
                host.Console.WriteLine($"{hook.Id}  {hook.Url}  {string.Join(",", hook.Events)}  (by {hook.CreatedBy}, {hook.CreatedAt:yyyy-MM-dd HH:mm}Z)");
            }

            return 0;
        }));
        return command;
    }

    private static Command Remove(ClientHost host)
    {
        var id = new Argument<string>("webhookId") { Description = "The webhook's id" };
        var command = new Command("remove", "Remove a webhook and its pending deliveries") { id };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            await api.RemoveWebhookAsync(parse.GetValue(id)!, cancellationToken);
            host.Console.WriteLine($"Webhook {parse.GetValue(id)} removed.");
            return 0;
        }));
        return command;
    }

    private static Command Deliveries(ClientHost host)
    {
        var id = new Argument<string>("webhookId") { Description = "The webhook's id" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many, newest first (1 to 200)", DefaultValueFactory = _ => 20 };
        var command = new Command("deliveries", "A webhook's newest deliveries and how they went") { id, limit };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var deliveries = await api.WebhookDeliveriesAsync(parse.GetValue(id)!, parse.GetValue(limit), cancellationToken);
            if (deliveries.Items.Count == 0)
            {
                host.Console.WriteLine("No deliveries yet.");
            }

            foreach (var delivery in deliveries.Items)
            {
                var outcome = delivery.Status switch
                {
                    "delivered" => $"delivered {delivery.DeliveredAt:HH:mm:ss}Z",
                    "pending" => $"pending, next try {delivery.NextAttemptAt:HH:mm:ss}Z",
                    _ => delivery.Status,
                };
                var last = delivery.LastError is { } error ? $" ({error})" : "";
                host.Console.WriteLine($"{delivery.Id}  {delivery.Event}  {outcome} after {delivery.Attempts} attempt(s){last}");
            }

            return 0;
        }));
        return command;
    }
}
