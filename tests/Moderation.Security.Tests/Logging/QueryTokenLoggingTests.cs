using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Moderation.Testing;

namespace Moderation.Security.Tests.Logging;

/// <summary>A reader's event stream takes its token in the query string (EventSource sends no headers): no log line may carry it.</summary>
public sealed class QueryTokenLoggingTests
{
    [Fact]
    public async Task A_token_in_the_query_string_is_in_no_log_line_even_with_every_category_at_trace()
    {
        var lines = new LogLines();
        await using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        await using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(lines)));
        using var client = logged.CreateClient();
        var token = await client.DevTokenAsync("query-token-reader");

        using (var stream = await client.GetAsync($"/api/readers/me/events?access_token={token}", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
            Assert.Equal("event: ready", await reader.ReadLineAsync());
        }

        using (var refused = await client.GetAsync($"/api/readers/me/comments?access_token={token}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Contains(lines.All, line => line.Contains("/api/readers/me/events", StringComparison.Ordinal));
        var leaks = lines.All.Where(line => line.Contains(token, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "The token was logged: " + string.Join("\n", leaks));
    }

    private sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> All => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Lines(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Lines(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
