using Spectre.Console;

namespace Moderation.Client.Load;

/// <summary>The lines under the fan-out table: what the generator and the service spent, and memory per listener.</summary>
internal static class FanOutReport
{
    public static void Write(IAnsiConsole console, FanOutFigures figures)
    {
        console.MarkupLineInterpolated($"Connected in {figures.ConnectSeconds:N1} s. Vote phase {figures.VotePhaseSeconds:N1} s: the generator used {figures.ClientCpuSeconds:N2} s of CPU ({Share(figures.ClientCpuSeconds, figures.VotePhaseSeconds)} of one core).");
        if (figures is { SiloCpuSeconds: { } silo, SiloIdleCpuSeconds: { } idle, SiloCpuPerDeliveryUs: { } perDelivery })
        {
            console.MarkupLineInterpolated($"The service used {silo:N2} s of CPU ({Share(silo, figures.VotePhaseSeconds)} of one core; {idle:N2} s at its idle rate): {perDelivery:N1} µs per delivery beyond idle.");
        }

        if (figures.Memory is { } memory)
        {
            console.MarkupLineInterpolated($"Working set {Mib(memory.WorkingSetBefore)} before, {Mib(memory.WorkingSetAfter)} with the listeners: {memory.WorkingSetPerListener:N0} bytes per listener.");
            if (memory.GcHeapPerListener is { } heap)
            {
                console.MarkupLineInterpolated($"Managed heap after a full collection {Mib(memory.GcHeapBefore!.Value)} before, {Mib(memory.GcHeapAfter!.Value)} with the listeners: {heap:N0} bytes per listener.");
            }
        }
    }

    private static string Share(double cpuSeconds, double wallSeconds) => $"{cpuSeconds / Math.Max(0.001, wallSeconds):P0}";

    private static string Mib(long bytes) => $"{bytes / 1048576.0:N1} MiB";
}
