using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

/// <summary>
/// The embedded store with its storage tier, given a memory far smaller than what is written, keeps every acknowledged
/// comment and vote in its log files, before and after a restart, graceful or not.
/// </summary>
public sealed class EmbeddedStoreOverflowTests : IDisposable
{
    private const long MemoryBytes = 1024 * 1024;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Storage:EmbeddedMemoryBytes"] = MemoryBytes.ToString(),
        ["Storage:EmbeddedStorageTier"] = "true",
        ["Storage:CheckpointIntervalSeconds"] = "1",
        ["Comments:PostInterval"] = "00:00:00",
        ["RateLimits:Enabled"] = "false",
    };

    private readonly string _dataDirectory = TestDirectories.Create("overflow");

    [StorageTierFact]
    public async Task Every_acknowledged_comment_and_vote_is_read_back_after_writing_well_past_the_memory_and_after_a_restart()
    {
        AcknowledgedWrites writes;
        await using (var silo = NewSilo())
        {
            await silo.WaitUntilReadyAsync();
            writes = new AcknowledgedWrites(silo.CreateClient);
            await writes.VoteAsync(100);
            await writes.PostCommentsAsync(800);
            await writes.VoteAsync(100);

            Assert.True(LogBytesOnDisk() > MemoryBytes, $"The log on disk holds {LogBytesOnDisk()} bytes, not more than the {MemoryBytes} of memory.");
            await writes.AssertAllReadableAsync(silo.CreateClient);
        }

        await using var restarted = NewSilo();
        await restarted.WaitUntilReadyAsync();
        await writes.AssertAllReadableAsync(restarted.CreateClient);
    }

    [StorageTierFact]
    public async Task Every_acknowledged_comment_and_vote_beyond_the_memory_survives_a_sigkill()
    {
        AcknowledgedWrites writes;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, Settings))
        {
            writes = new AcknowledgedWrites(silo.CreateClient);
            await writes.PostCommentsAsync(600);
            await writes.VoteAsync(100);
            silo.Kill();
        }

        Assert.True(LogBytesOnDisk() > MemoryBytes, $"The log on disk holds {LogBytesOnDisk()} bytes, not more than the {MemoryBytes} of memory.");
        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, Settings);
        await writes.AssertAllReadableAsync(restarted.CreateClient);
    }

    private SiloFactory NewSilo() => new(_dataDirectory, settings: Settings.ToDictionary(pair => pair.Key, string? (pair) => pair.Value));

    private long LogBytesOnDisk() => new DirectoryInfo(_dataDirectory).EnumerateFiles("hlog*", SearchOption.AllDirectories).Sum(file => file.Length);

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
