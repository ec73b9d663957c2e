using System.Security.Cryptography;
using System.Text;

namespace Moderation.Api.Model;

/// <summary>What makes two labels the same text: the SHA-256 of the trimmed text (128 bits, hex).</summary>
public static class LabelText
{
    public const int MaxLength = 5000;

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())).AsSpan(0, 16));
}
