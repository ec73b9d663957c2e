using System.Security.Cryptography;
using System.Text;

namespace Moderation.Api.Webhooks;

/// <summary>How a delivery is signed: HMAC-SHA256 with the webhook's secret over <c>timestamp + "." + body</c>, as <c>sha256=</c> and lowercase hex.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Moderation-Signature";
    public const string TimestampHeader = "X-Moderation-Timestamp";
    public const string DeliveryHeader = "X-Moderation-Delivery";
    public const string EventHeader = "X-Moderation-Event";

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
