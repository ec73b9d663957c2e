using System.Text;

namespace Moderation.Redis.Tests.Parts;

/// <summary>The Redis Cluster slot of a key, computed as the servers do: CRC16 (XMODEM) of its hash tag, mod 16,384.</summary>
internal static class Slots
{
    public static int Of(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = key.IndexOf('}', open + 1);
            if (close > open + 1)
            {
                key = key[(open + 1)..close];
            }
        }

        ushort crc = 0;
        foreach (var value in Encoding.UTF8.GetBytes(key))
        {
            crc ^= (ushort)(value << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc % 16384;
    }
}
