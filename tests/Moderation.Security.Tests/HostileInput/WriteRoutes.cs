namespace Moderation.Security.Tests.HostileInput;

/// <summary>A write route: its path with {id} where the id goes, a valid id, the fields of a valid body, and a valid body.</summary>
internal sealed record WriteRoute(string Method, string Path, string? ValidId, string[] Fields, string ValidBody)
{
    public string PathWith(string id) => Path.Replace("{id}", id, StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Ids no route should accept as they are: very long ones, traversal, encoded separators, scripts, SQL, control characters.</summary>
internal static class HostileIds
{
    public static readonly string[] Escaped =
    [
        new string('a', 129),
        new string('a', 20_000),
        Uri.EscapeDataString("../../../../etc/passwd"),
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2f",
        "..%5C..%5Cwindows",
        "a%01b",
        Uri.EscapeDataString("<script>alert(1)</script>"),
        Uri.EscapeDataString("' OR '1'='1"),
        Uri.EscapeDataString("\u202Eevil"),
        Uri.EscapeDataString("a\u0007\u001b"),
        Uri.EscapeDataString("{tag}:x"),
        Uri.EscapeDataString("*"),
        "%C0%AF",
        "%FF%FE",
        Uri.EscapeDataString("𝕳𝖊𝖑𝖑𝖔"),
    ];
}
