using System.Net;
using System.Net.Sockets;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>
/// In-memory hashes of the identity and infrastructure attributes of one exchange (0 = absent);
/// <see cref="Client"/> is the user agent alone.
/// These never leave the process; what is stored or shared uses keyed hashes instead.
/// </summary>
public readonly record struct ExchangeAttributes(
    ulong Payment,
    ulong ClientIp,
    ulong Network,
    ulong AsnClient,
    ulong EmailDomain,
    ulong Model,
    ulong Client)
{
    public static ExchangeAttributes Of(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var client = StableHash.Of(exchange.UserAgent);
        return new ExchangeAttributes(
            Tag(1, StableHash.Of(exchange.PaymentFingerprint)),
            Tag(2, StableHash.Of(exchange.ClientIp)),
            Tag(3, NetworkHash(exchange.ClientIp)),
            exchange.Asn is { } asn ? Tag(4, StableHash.Combine((ulong)asn, client)) : 0,
            Tag(5, StableHash.Of(exchange.EmailDomain?.ToLowerInvariant())),
            Tag(6, StableHash.Of(exchange.Model)),
            Tag(7, client));
    }

    /// <summary>The /24 of an IPv4 address or the /48 of an IPv6 address, as text; null if not an IP.</summary>
    public static string? NetworkPrefix(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return NetworkPrefix(address.MapToIPv4().ToString());
        }

        Array.Clear(bytes, 6, bytes.Length - 6);
        return new IPAddress(bytes) + "/48";
    }

    /// <summary>
    /// <see cref="StableHash"/> of <see cref="NetworkPrefix"/>: a dotted-decimal IPv4 address in canonical form (four
    /// parts of 0 to 255 without leading zeros, all of them in the simulated and the red-team logs) is hashed as its
    /// first three parts and ".0/24" without being parsed into an address and formatted again; any other text takes
    /// <see cref="NetworkPrefix"/>'s way.
    /// </summary>
    public static ulong NetworkHash(string? ip)
    {
        const string suffix = ".0/24";
        if (ip is null || ip.Length > 15 || CanonicalIpv4ThirdDot(ip) is not { } cut)
        {
            return StableHash.Of(NetworkPrefix(ip));
        }

        Span<char> prefix = stackalloc char[15 + suffix.Length];
        ip.AsSpan(0, cut).CopyTo(prefix);
        suffix.CopyTo(prefix[cut..]);
        return StableHash.Of((ReadOnlySpan<char>)prefix[..(cut + suffix.Length)]);
    }

    /// <summary>Where the third dot of a canonical dotted-decimal IPv4 address is, or null when the text is not one.</summary>
    private static int? CanonicalIpv4ThirdDot(string ip)
    {
        var (parts, start, thirdDot) = (0, 0, -1);
        for (var i = 0; i <= ip.Length; i++)
        {
            if (i < ip.Length && ip[i] != '.')
            {
                if (!char.IsAsciiDigit(ip[i]))
                {
                    return null;
                }

                continue;
            }

            var part = ip.AsSpan(start, i - start);
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return null;
            }

            parts++;
            if (parts == 3)
            {
                thirdDot = i;
            }

            start = i + 1;
        }

        return parts == 4 ? thirdDot : null;
    }

    private static ulong Tag(ulong kind, ulong hash) => hash == 0 ? 0 : StableHash.Combine(kind, hash);
}
