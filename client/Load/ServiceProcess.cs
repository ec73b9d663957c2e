using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Moderation.Client.Load;

/// <summary>
/// The service's process on this machine (Linux), read from outside: its CPU time and resident memory from /proc,
/// and its managed heap after a full collection from <c>dotnet-gcdump report</c> when that tool is installed.
/// </summary>
internal sealed partial class ServiceProcess(int pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the service runs on

    /// <summary>Its memory now; the managed heap's figure costs the process a full collection and a heap walk.</summary>
    public ServiceSample Sample() => new(WorkingSetBytes(), GcHeapBytes());

    /// <summary>The CPU time (user and system) it has used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The fields after the command name (which may hold spaces) in parentheses; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private long WorkingSetBytes()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(Kilobytes().Match(line).Groups[1].Value, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The live managed heap (dotnet-gcdump forces a full collection first), or null without the tool.</summary>
    private long? GcHeapBytes()
    {
        var tool = new[] { Environment.GetEnvironmentVariable("PATH") ?? "" }
            .SelectMany(path => path.Split(':'))
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(folder => Path.Combine(folder, "dotnet-gcdump"))
            .FirstOrDefault(File.Exists);
        if (tool is null)
        {
            return null;
        }

        using var report = Process.Start(new ProcessStartInfo(tool, ["report", "-p", pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = report.StandardOutput.ReadToEnd();
        report.WaitForExit();
        var total = TotalLine().Match(output);
        return report.ExitCode == 0 && total.Success ? long.Parse(total.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(\d+)\s*kB")]
    private static partial Regex Kilobytes();

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}

/// <summary>One reading of the service's process.</summary>
public sealed record ServiceSample(long WorkingSetBytes, long? GcHeapBytes);

/// <summary>The service's memory before and after the listeners connected, and the difference per listener.</summary>
public sealed record ListenerMemory(
    long WorkingSetBefore, long WorkingSetAfter, long WorkingSetPerListener,
    long? GcHeapBefore, long? GcHeapAfter, long? GcHeapPerListener)
{
    public static ListenerMemory Between(ServiceSample before, ServiceSample after, int listeners) => new(
        before.WorkingSetBytes, after.WorkingSetBytes, (after.WorkingSetBytes - before.WorkingSetBytes) / listeners,
        before.GcHeapBytes, after.GcHeapBytes, (after.GcHeapBytes - before.GcHeapBytes) / listeners);
}
