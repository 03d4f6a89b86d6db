using System.Text;
using System.Text.RegularExpressions;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// Japanese era (和暦) years and dates as ledgers write them: 昭和53年, S53, 平成元年4月1日, H13.4.1, R5/4/1.
/// Meiji 1868, Taishō 1912, Shōwa 1926, Heisei 1989, Reiwa 2019; year n of an era is base + n − 1.
/// </summary>
internal static partial class JapaneseEra
{
    private static readonly (string Kanji, char Letter, int Base)[] Eras =
        [("明治", 'M', 1868), ("大正", 'T', 1912), ("昭和", 'S', 1926), ("平成", 'H', 1989), ("令和", 'R', 2019)];

    public static bool TryYear(string text, out int year)
    {
        year = 0;
        var m = YearOnly().Match(Normalize(text));
        return m.Success && TryBase(m.Groups["era"].Value, m.Groups["y"].Value, out year);
    }

    public static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var m = FullDate().Match(Normalize(text));
        if (!m.Success || !TryBase(m.Groups["era"].Value, m.Groups["y"].Value, out var year)) return false;
        try
        {
            date = new DateOnly(year, int.Parse(m.Groups["m"].Value), int.Parse(m.Groups["d"].Value));
            return true;
        }
        catch (ArgumentOutOfRangeException) { return false; }
    }

    private static string Normalize(string s) => s.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    private static bool TryBase(string era, string y, out int year)
    {
        year = 0;
        var n = y == "元" ? 1 : int.TryParse(y, out var v) ? v : 0;
        if (n <= 0) return false;
        foreach (var (kanji, letter, @base) in Eras)
            if (era == kanji || (era.Length == 1 && era[0] == letter))
            {
                year = @base + n - 1;
                return true;
            }
        return false;
    }

    [GeneratedRegex(@"^(?<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?<y>元|\d{1,2})\s*年?度?$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?<y>元|\d{1,2})\s*[年./\-]\s*(?<m>\d{1,2})\s*[月./\-]\s*(?<d>\d{1,2})\s*日?$")]
    private static partial Regex FullDate();
}
