namespace DistillGuard.Ingest.Validation;

/// <summary>Strict RFC 3339 date-time parser (offset required), normalised to UTC.</summary>
internal static class Rfc3339
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss then optional .fraction then Z or ±hh:mm
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':'
            || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (s[i] == '.')
        {
            i++;
            var start = i;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (scale > 1)
                {
                    scale /= 10;
                    ticks += (s[i] - '0') * scale;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (!TryOffset(s[i..], out var offset)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 1 && (s[0] == 'Z' || s[0] == 'z'))
        {
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':'
            || !Digits(s, 1, 2, out var h) || !Digits(s, 4, 2, out var m) || h > 23 || m > 59)
        {
            return false;
        }

        offset = new TimeSpan(h, m, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
