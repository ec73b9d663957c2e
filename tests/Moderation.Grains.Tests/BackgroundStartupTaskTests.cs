using Microsoft.Extensions.Logging;

namespace Moderation.Grains.Tests;

public sealed class BackgroundStartupTaskTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Start_goes_on_while_the_work_runs_and_a_failure_is_logged_as_a_warning_with_its_remedy()
    {
        var log = new WarningLog();
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = new HeldWork(work.Task, log);

        var started = task.Execute(CancellationToken.None);
        var completedBeforeTheWork = started.IsCompletedSuccessfully;
        work.SetException(new InvalidOperationException("the store went away"));
        var (message, error) = await log.First.WaitAsync(Wait);

        Assert.True(completedBeforeTheWork);
        Assert.Equal("Held work failed; the next start does it", message);
        Assert.Equal("the store went away", error?.Message);
    }

    private sealed class HeldWork(Task work, ILogger logger) : BackgroundStartupTask(logger)
    {
        protected override string Failure => "Held work failed; the next start does it";

        protected override Task RunAsync(CancellationToken cancellationToken) => work;
    }

    private sealed class WarningLog : ILogger
    {
        private readonly TaskCompletionSource<(string Message, Exception? Error)> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<(string Message, Exception? Error)> First => _first.Task;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                _first.TrySetResult((formatter(state, exception), exception));
            }
        }
    }
}
