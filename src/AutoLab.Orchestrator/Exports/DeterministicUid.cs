using System.Security.Cryptography;
using System.Text;

namespace AutoLab.Orchestrator.Exports;

/// <summary>
/// Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a namespace UUID and a name), so re-exporting a
/// run folder gives every Bluesky document the same uid it had before.
/// </summary>
internal static class DeterministicUid
{
    /// <summary>The version-5 UUID of <paramref name="name"/> within the namespace <paramref name="space"/>.</summary>
    public static Guid Create(Guid space, string name)
    {
        byte[] spaceBytes = space.ToByteArray(bigEndian: true);
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] input = [.. spaceBytes, .. nameBytes];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version-5 UUIDs; nothing here is a security boundary.
        byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350
        byte[] uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(uuid, bigEndian: true);
    }
}
