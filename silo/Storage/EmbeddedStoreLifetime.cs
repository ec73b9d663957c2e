using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Moderation.Silo.Storage;

/// <summary>
/// Starts the embedded store before the Orleans silo and stops it after: it is registered before
/// the silo, and hosted services stop in reverse order.
/// </summary>
public sealed class EmbeddedStoreLifetime(StoreMode mode, IOptions<StorageOptions> options, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        mode.StartEmbedded(options.Value, loggerFactory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        mode.StopEmbedded();
        return Task.CompletedTask;
    }
}
