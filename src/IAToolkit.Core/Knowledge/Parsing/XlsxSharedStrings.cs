using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// The workbook's shared string table, read item by item so a large table is never one XML tree; every item counts as a
/// cell, and their text together may not pass the document's character budget, so a table of millions of strings is refused while read.
/// </summary>
internal static class XlsxSharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part, ParseBudget budget)
    {
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        long characters = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                var text = Text((SharedStringItem)reader.LoadCurrentElement()!);
                budget.Cells(1);
                characters += text.Length;
                if (characters > budget.Options.MaxCharacters)
                {
                    throw budget.TooComplex($"its shared strings hold more than the {budget.Options.MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters a document may have", nameof(DocumentParsingOptions.MaxCharacters));
                }

                budget.Check();
                strings.Add(text);
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
