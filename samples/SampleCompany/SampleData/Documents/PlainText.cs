using System.Globalization;
using System.Text;

namespace SampleCompany.SampleData.Documents;

/// <summary>
/// Text for the PDFs and for file names. The PDFs use the standard Helvetica font, whose encoding has no accented
/// letters, so names such as Lucía are written Lucia there; the DOCX files keep them as they are.
/// </summary>
internal static class PlainText
{
    /// <summary>The text with accents removed and the few letters that do not decompose replaced; throws on anything else outside printable ASCII.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ı' => "i",
                'ø' => "o",
                'Ø' => "O",
                'æ' => "ae",
                'ß' => "ss",
                'ł' => "l",
                _ => c.ToString(),
            });
        }

        var folded = builder.ToString();
        var bad = folded.FirstOrDefault(c => c is < ' ' or > '~');
        return bad == default ? folded : throw new InvalidOperationException($"'{bad}' (U+{(int)bad:X4}) has no plain-text form; write the sample text without it.");
    }

    /// <summary>A file-name part: folded, spaces to underscores, only letters, digits, underscores and hyphens kept.</summary>
    public static string FileNamePart(string text)
        => new([.. Fold(text).Replace(' ', '_').Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')]);
}
