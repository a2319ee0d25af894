using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace DistillGuard.Taxii.Protocol;

/// <summary>
/// The opaque <c>next</c> value: the (date_added, sequence) of the last object on a page. Pages are
/// ordered by that pair, which is unique, so resuming strictly after it neither loses nor repeats
/// an object even when many share one date_added.
/// </summary>
public readonly record struct PageCursor(DateTimeOffset DateAdded, long Sequence)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, DateAdded.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Sequence);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 16)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
        return true;
    }
}
