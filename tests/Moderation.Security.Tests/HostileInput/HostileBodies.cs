using System.Globalization;
using System.Text;

namespace Moderation.Security.Tests.HostileInput;

/// <summary>A hostile request body: its bytes, the content type it claims, and what kind of attack it is.</summary>
internal sealed record HostileBody(string Kind, byte[] Bytes, string? ContentType = "application/json");

/// <summary>
/// Random and hand-picked hostile bodies for a write route whose valid body has the given fields: random JSON shapes,
/// the right fields with the wrong types or hostile strings, huge and deeply nested bodies, invalid UTF-8.
/// </summary>
internal sealed class HostileBodies(Random random)
{
    public static readonly string[] Strings =
    [
        "",
        " ",
        "\u0000",
        "a\u0000b",
        "\u0007\u0008\u001b[31mred",
        "\u202Eevil\u202C",
        "\u2066isolate\u2069",
        "\u200B\u200D\uFEFF",
        "<script>alert(document.cookie)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "'; DROP TABLE comments; --",
        "' OR '1'='1",
        "1; SHUTDOWN NOSAVE",
        "redis.call('FLUSHALL')",
        "{{7*7}}${7*7}",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%00%2e%2e%2f",
        "o1\u0000",
        "𝕳𝖊𝖑𝖑𝖔 👋🏽",
        new string('x', 5_001),
        new string('é', 40_000),
        "moderation:comment:{c}",
        "o1",
        "approve",
        "spam",
    ];

    public IEnumerable<HostileBody> For(string[] fields, int randomCount)
    {
        yield return new HostileBody("empty body", []);
        yield return new HostileBody("text/plain", Encoding.UTF8.GetBytes("{}"), "text/plain");
        yield return new HostileBody("no content type", Encoding.UTF8.GetBytes("{}"), null);
        yield return new HostileBody("form content type", Encoding.UTF8.GetBytes("a=1&b=2"), "application/x-www-form-urlencoded");
        yield return new HostileBody("not json", Encoding.UTF8.GetBytes("hello"));
        yield return new HostileBody("truncated json", Encoding.UTF8.GetBytes("{\"" + fields.FirstOrDefault() + "\":"));
        yield return new HostileBody("json null", Encoding.UTF8.GetBytes("null"));
        yield return new HostileBody("json array", Encoding.UTF8.GetBytes("[]"));
        yield return new HostileBody("json number", Encoding.UTF8.GetBytes("1e999"));
        yield return new HostileBody("deeply nested array", Encoding.UTF8.GetBytes(new string('[', 20_000) + new string(']', 20_000)));
        yield return new HostileBody("deeply nested object", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return new HostileBody("deeply nested field", Encoding.UTF8.GetBytes($"{{\"{fields.FirstOrDefault() ?? "a"}\":" + new string('[', 3_000) + new string(']', 3_000) + "}"));
        yield return new HostileBody("huge body", Encoding.UTF8.GetBytes($"{{\"{fields.FirstOrDefault() ?? "a"}\":\"" + new string('a', 2_000_000) + "\"}"));
        yield return new HostileBody("many fields", Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"f{i}\":{i}")) + "}"));
        yield return new HostileBody("duplicate fields", Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Concat(fields).Select(field => $"\"{field}\":\"o1\"")) + "}"));
        yield return new HostileBody("invalid utf-8", Bytes("{\"" + (fields.FirstOrDefault() ?? "a") + "\":\"", [0xC3, 0x28, 0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80], "\"}"));
        yield return new HostileBody("invalid utf-8 in a key", Bytes("{\"", [0xFF, 0xFF], "\":1}"));
        yield return new HostileBody("lone surrogate escape", Encoding.UTF8.GetBytes("{\"" + (fields.FirstOrDefault() ?? "a") + "\":\"\\ud800x\\udfff\"}"));
        yield return new HostileBody("utf-16 body", Encoding.Unicode.GetBytes("{\"a\":1}"));
        yield return new HostileBody("random bytes", RandomBytes(512));
        foreach (var field in fields)
        {
            foreach (var value in Strings)
            {
                yield return Json($"hostile string in {field}", Object(fields, field, Quote(value)));
                yield return Json($"raw hostile string in {field}", Object(fields, field, RawQuote(value)));
            }

            foreach (var value in new[] { "null", "true", "-1", "0", "1e308", "-1e308", "9223372036854775808", "1.5", "[]", "{}", "[\"o1\"]", "{\"$ne\":null}" })
            {
                yield return Json($"wrong type in {field}", Object(fields, field, value));
            }
        }

        for (var i = 0; i < randomCount; i++)
        {
            yield return random.Next(3) == 0
                ? Json("random json", RandomValue(4))
                : Json("random object", "{" + string.Join(",", fields.Concat(RandomKeys()).Where(_ => random.Next(4) > 0)
                    .Select(field => $"{Quote(field)}:{RandomValue(3)}")) + "}");
        }
    }

    private string Object(string[] fields, string hostileField, string hostileValue) =>
        "{" + string.Join(",", fields.Select(field => $"{Quote(field)}:{(field == hostileField ? hostileValue : RandomValue(1))}")) + "}";

    private string RandomValue(int depth)
    {
        var choice = random.Next(depth > 0 ? 9 : 6);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => (random.NextDouble() * Math.Pow(10, random.Next(-5, 20)) * (random.Next(2) == 0 ? -1 : 1)).ToString("R", CultureInfo.InvariantCulture),
            3 => random.Next(-3, 1_000).ToString(CultureInfo.InvariantCulture),
            4 or 5 => Quote(Strings[random.Next(Strings.Length)]),
            6 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => RandomValue(depth - 1))) + "]",
            _ => "{" + string.Join(",", RandomKeys().Select(key => $"{Quote(key)}:{RandomValue(depth - 1)}")) + "}",
        };
    }

    private IEnumerable<string> RandomKeys() =>
        Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(3) == 0 ? Strings[random.Next(Strings.Length)] : "k" + random.Next(100));

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>Quoted with only what JSON requires escaped: bidi, zero-width and emoji characters go as they are.</summary>
    private static string RawQuote(string value) => System.Text.Json.JsonSerializer.Serialize(value,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static HostileBody Json(string kind, string json) => new(kind, Encoding.UTF8.GetBytes(json));

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Bytes(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}
