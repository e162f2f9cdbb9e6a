using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IAToolkit.Knowledge;

/// <summary>The workbook's shared string table, read item by item so a large table is never one XML tree.</summary>
internal static class XlsxSharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                strings.Add(Text((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>The text of a shared or inline string: its runs, without the phonetic guide some East Asian files carry.</summary>
    public static string Text(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var t in item.Descendants<Text>())
        {
            if (t.Parent is not PhoneticRun)
            {
                text.Append(t.Text);
            }
        }

        return text.ToString();
    }
}
