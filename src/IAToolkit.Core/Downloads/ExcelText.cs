using System.Text;
using System.Xml;

namespace IAToolkit.Downloads;

/// <summary>Text as a worksheet can hold it, and column names.</summary>
internal static class ExcelText
{
    private const int MaxCellText = 32_767;

    /// <summary>The text with the characters XML 1.0 cannot carry replaced by U+FFFD, cut at Excel's 32,767-character cell limit.</summary>
    public static string XmlSafe(string text)
    {
        if (text.Length > MaxCellText)
        {
            text = text[..MaxCellText];
        }

        if (!text.Any(c => !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append('\uFFFD');
            }
        }

        return safe.ToString();
    }

    /// <summary>Excel's column name: A, …, Z, AA, …; from 0.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
