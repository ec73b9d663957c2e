using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Moderation.Testing;

/// <summary>The silo as a real operating-system process, so tests can kill it the hard way.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SiloProcess> StartAsync(string dataDirectory, IDictionary<string, string>? settings = null)
    {
        var port = TestPorts.Free();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly)!,
        };
        info.ArgumentList.Add(SiloAssembly);
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["environment"] = "Development",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Orleans:SiloPort"] = TestPorts.Free().ToString(),
            ["Orleans:GatewayPort"] = TestPorts.Free().ToString(),
            ["Web:SeedDemo"] = "false",
            ["Model:AutoRetrainLabels"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The silo process did not start.");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM: the host stops gracefully.</summary>
    public async Task StopAsync()
    {
        using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await terminate.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The silo was not ready within {limit}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string SiloAssembly { get; } = FindSiloAssembly();

    private static string FindSiloAssembly()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Moderation.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Moderation.sln not found above " + AppContext.BaseDirectory);
        }

        var path = Path.Combine(directory.FullName, "silo", "bin", configuration, "net10.0", "Moderation.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the silo first.", path);
    }
}
