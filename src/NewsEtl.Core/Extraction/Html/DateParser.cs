using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsEtl.Extraction.Html;

/// <summary>Publish times as Jiemian and Chinese news pages write them, all returned at +08:00 (China Standard Time).</summary>
internal static partial class DateParser
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private const int MaxText = 4096;

    /// <summary>Unix seconds (2021 template's data-article-publish-time), or milliseconds when 13 digits long.</summary>
    public static DateTimeOffset? FromUnix(string? value)
    {
        if (value is null || !long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var seconds = value.Trim().Length >= 13 ? number / 1000 : number;
        // 2000-01-01 .. 2100-01-01: anything else is not a publish time.
        return seconds is < 946_684_800 or > 4_102_444_800
            ? null
            : DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(ChinaOffset);
    }

    /// <summary>The first date with a time of day in free text: "2019/05/07 07:46", "2021-05-07 12:00:30", "2021年5月7日 12:00".</summary>
    public static DateTimeOffset? FromText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // A date is near the start of the text it is read from; a hostile megabyte of digits and spaces is not read whole.
        text = text.Length > MaxText ? text[..MaxText] : text;

        foreach (Match m in DateWithTime().Matches(text))
        {
            if (Build(m, withTime: true) is { } value)
            {
                return value;
            }
        }

        foreach (Match m in DateOnly().Matches(text))
        {
            if (Build(m, withTime: false) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>ISO 8601 as meta tags and &lt;time datetime&gt; carry it; without an offset the time is China's.</summary>
    public static DateTimeOffset? FromIso(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        trimmed = trimmed.Length > MaxText ? trimmed[..MaxText] : trimmed;
        if (!IsoOffset().IsMatch(trimmed))
        {
            return FromText(trimmed.Replace('T', ' '));
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.ToOffset(ChinaOffset)
            : null;
    }

    private static DateTimeOffset? Build(Match m, bool withTime)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = withTime ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = withTime ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        var second = withTime && m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, ChinaOffset);
    }

    [GeneratedRegex(@"(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?:\s*日)?\s*(?<h>\d{1,2})\s*[:：]\s*(?<mi>\d{2})(\s*[:：]\s*(?<s>\d{2}))?")]
    private static partial Regex DateWithTime();

    [GeneratedRegex(@"(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoOffset();
}
