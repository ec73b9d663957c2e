using Moderation.Testing;

namespace Moderation.Cluster.Tests;

public sealed class GracefulStopTests
{
    [Fact]
    public async Task A_stopping_silo_ends_its_event_streams_cleanly_and_exits()
    {
        var directory = TestDirectories.Create("graceful");
        try
        {
            await using var silo = await SiloProcess.StartAsync(directory);
            using var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            using var response = await client.GetAsync("/api/articles/graceful/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal("event: count", await reader.ReadLineAsync());

            var stopping = silo.StopAsync();
            var rest = await reader.ReadToEndAsync();
            await stopping;

            // Without ending the streams at shutdown, the host waits out its shutdown timeout and then resets the
            // connection: ReadToEndAsync would throw instead of reaching the end of the stream.
            Assert.DoesNotContain("event: count", rest);
            Assert.Equal(0, silo.ExitCode);
        }
        finally
        {
            TestDirectories.TryDelete(directory);
        }
    }
}
