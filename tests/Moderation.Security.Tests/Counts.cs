using Xunit.Abstractions;
using Xunit.Sdk;

namespace Moderation.Security.Tests;

/// <summary>
/// The numbers a security test reports (requests tried, faults injected, writes verified): written to the test's own
/// output and as an xunit diagnostic message, which a plain `dotnet test` prints, so CI logs show them.
/// </summary>
public sealed class Counts(IMessageSink diagnostics)
{
    public void Report(ITestOutputHelper output, string test, string line)
    {
        var message = $"[security] {test}: {line}";
        output.WriteLine(message);
        diagnostics.OnMessage(new DiagnosticMessage(message));
    }
}
