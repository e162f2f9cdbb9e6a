using System.Text;
using System.Xml;

namespace IAToolkit.Downloads;

/// <summary>Text as a worksheet can hold it, and column names.</summary>
internal static class ExcelText
{
    private const int MaxCellText = 32_767;

    // What a spreadsheet or a CSV importer may read as the start of a formula (OWASP "CSV Injection"), with the
    // full-width and small-form variants some locales and importers fold into the ASCII ones, and the minus sign.
    private const string FormulaStarts = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212";

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

    /// <summary>
    /// The text with a leading apostrophe when it could start a formula: its first character is a tab or CR, or its
    /// first character after any leading white space is one of <c>= + - @</c> (or a full-width or small-form
    /// variant, or U+2212). A plain number written as text (<c>-12.5</c>) is left alone: read back it is a number,
    /// never a formula.
    /// </summary>
    /// <remarks>
    /// The cell is text already (never a formula), so Excel itself shows it as written. The apostrophe is for what
    /// happens next: "Save as CSV" writes the cell's value, and whatever opens that CSV evaluates a leading
    /// <c>=</c>. A <c>quotePrefix</c> style would not survive the export; a character in the value does.
    /// </remarks>
    public static string FormulaSafe(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (text[0] is '\t' or '\r')
        {
            return "'" + text;
        }

        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length || !FormulaStarts.Contains(text[start], StringComparison.Ordinal) || IsPlainNumber(text.AsSpan(start)))
        {
            return text;
        }

        return "'" + text;
    }

    // [+-]digits[.digits][(e|E)[+-]digits], ASCII only: a value a CSV reader can only take for a number.
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var digits = Digits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += Digits(text, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int Digits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
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
