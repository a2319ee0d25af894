using System.Security.Cryptography;
using System.Text;

namespace DistillGuard.Sharing.Stix;

/// <summary>Name-based UUIDs, version 5 (SHA-1), as RFC 4122 §4.3 defines them: the same name always gives the same id.</summary>
public static class Uuid5
{
    /// <summary>The namespace of every DistillGuard STIX id (a fixed random UUID).</summary>
    public static readonly Guid DistillGuardNamespace = new("6f1f6c1e-3c0a-4f55-9a57-5e0f3b8d2c41");

    /// <summary>The version-5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>, lower-case text.</summary>
    public static string Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // RFC 4122 fixes SHA-1 for version 5; it names, it does not protect anything.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    /// <summary>A STIX identifier <c>type--uuid5(name)</c> in the DistillGuard namespace.</summary>
    public static string StixId(string type, string name) => type + "--" + Create(DistillGuardNamespace, name);
}
